import type { ProviderLike } from "./provider-like.ts";

/** Providers added with `llm.registerProvider`, by name. */
const registered = new Map<string, ProviderLike>();

/**
 * Makes `provider` known to `llm` by `name`: `llm.call({ provider: name, … })` and the
 * `"name/model"` shorthand reach it. A registered name wins over a built-in one of the same name.
 *
 * @example
 * llm.registerProvider("vllm", openaiCompatible({ name: "vllm", baseURL: "http://localhost:8000/v1" }));
 * llm.call({ model: "vllm/Qwen/Qwen2.5-7B-Instruct" }, (q: string) => q);
 */
export function registerProvider(name: string, provider: ProviderLike): void {
  if (!/^[A-Za-z0-9][\w.-]*$/.test(name)) {
    throw new TypeError(`llm.registerProvider: "${name}" is not a provider name: use letters, digits, ".", "_" or "-", without "/".`);
  }
  if (typeof provider?.call !== "function") {
    throw new TypeError(
      `llm.registerProvider("${name}", provider): the provider needs a call(options, fn), as every built-in provider has.`,
    );
  }
  registered.set(name, provider);
}

/** The provider registered under `name`, if any. */
export function registeredProvider(name: string): ProviderLike | undefined {
  return registered.get(name);
}
