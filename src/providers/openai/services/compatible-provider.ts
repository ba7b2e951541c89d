import { addBuiltInPrices } from "../../../core/cost/find-prices.ts";
import { createOpenAICall, type OpenAICall } from "../call.ts";
import type { OpenAIClientOptions } from "../client.ts";
import type { OpenAIProviderSettings } from "../provider-settings.ts";
import type { OpenAICompatibleOptions, OpenAICompatibleProvider } from "./compatible.ts";

// What `openaiCompatible` does, in a module of its own: `llm`'s lazy openai-entry.ts builds its presets
// with it. `promptcall/openai` re-exports compatible.ts, and esbuild loads up front a module that an
// entry re-exports and a lazy chunk uses; this one only compatible.ts and the lazy chunk import.

/** An OpenAI-compatible service from its options (`openaiCompatible`). */
export function compatibleProvider(options: OpenAICompatibleOptions): OpenAICompatibleProvider {
  const { supportsJsonSchema: json, prices } = options;
  // A loader is the service's table; the settings then carry an empty one (not OpenAI's).
  const lazy = typeof prices === "function";
  if (lazy) addBuiltInPrices(options.name, prices);
  return fromSettings(
    {
      name: options.name,
      baseURL: options.baseURL,
      apiKeyEnv: options.apiKeyEnv,
      requiresApiKey: options.apiKeyEnv !== undefined || options.apiKey !== undefined,
      headers: options.headers,
      supportsJsonSchema: typeof json === "function" ? json : () => json === true,
      streamUsage: options.streamUsage,
      reasoningContent: options.reasoningContent,
      reasoningDetails: options.reasoningDetails,
      prices: lazy ? {} : prices,
    },
    options.apiKey,
  );
}

/** A provider from full settings, with an optional default key merged under each call's `client`. */
export function fromSettings(settings: OpenAIProviderSettings, apiKey?: string): OpenAICompatibleProvider {
  const base = createOpenAICall(settings);
  if (apiKey === undefined) return { name: settings.name, call: base };
  const call = ((options: { client?: OpenAIClientOptions }, fn: (...args: any[]) => any) =>
    base({ ...options, client: { apiKey, ...options.client } } as any, fn)) as unknown as OpenAICall;
  return { name: settings.name, call };
}
