import type { ProviderLike, ProviderName } from "./provider-like.ts";

// Dynamic imports keep providers a program never names out of its initial bundle.
const loaders: Record<ProviderName, () => Promise<ProviderLike>> = {
  openai: async () => (await import("../providers/openai/index.ts")).openai,
  anthropic: async () => (await import("../providers/anthropic/index.ts")).anthropic,
  google: async () => (await import("../providers/google/index.ts")).google,
};

/** Splits `"anthropic/claude-haiku-4-5"` into provider and model when no provider is given. */
export function resolveTarget(
  provider: ProviderName | ProviderLike | undefined,
  model: string,
): { provider: ProviderName | ProviderLike; model: string } {
  if (provider) return { provider, model };
  const slash = model.indexOf("/");
  const name = slash > 0 ? model.slice(0, slash) : "";
  if (name in loaders) return { provider: name as ProviderName, model: model.slice(slash + 1) };
  throw new TypeError(
    `llm.call needs a provider: pass { provider: "openai" | "anthropic" | "google" } or a provider object, ` +
      `or write the model as "provider/model" (got "${model}").`,
  );
}

/** Loads a provider by name (once), or returns the given provider object. */
export async function loadProvider(provider: ProviderName | ProviderLike): Promise<ProviderLike> {
  if (typeof provider !== "string") return provider;
  const load = loaders[provider];
  if (!load) {
    throw new TypeError(`Unknown provider "${provider}": use "openai", "anthropic", "google", or pass a provider object.`);
  }
  return load();
}

/** The display name of a provider. */
export function providerName(provider: ProviderName | ProviderLike): string {
  return typeof provider === "string" ? provider : (provider.name ?? "custom");
}
