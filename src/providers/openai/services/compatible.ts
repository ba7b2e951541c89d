// A module of its own over compatible-provider.ts: `promptcall/openai` re-exports this one, `llm`'s lazy
// chunk uses that one, so esbuild does not load the builder up front with the entry (bench/README.md).
import { compatibleProvider, type OpenAICompatibleOptions, type OpenAICompatibleProvider } from "./compatible-provider.ts";

export type { OpenAICompatibleOptions, OpenAICompatibleProvider } from "./compatible-provider.ts";

/**
 * An OpenAI-compatible service (Chat Completions at `${baseURL}/chat/completions`) built with the
 * OpenAI provider's classes.
 *
 * @example
 * const local = openaiCompatible({ name: "vllm", baseURL: "http://localhost:8000/v1" });
 * const ask = local.call({ model: "qwen2.5-7b-instruct" }, (q: string) => q);
 */
export function openaiCompatible(options: OpenAICompatibleOptions): OpenAICompatibleProvider {
  return compatibleProvider(options);
}
