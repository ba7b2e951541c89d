import { addBuiltInPrices } from "../../../core/cost/find-prices.ts";
import type { ModelPriceMap, PriceLoader } from "../../../core/cost/prices.ts";
import { createOpenAICall, type OpenAICall } from "../call.ts";
import type { OpenAIClientOptions } from "../client.ts";
import type { OpenAIProviderSettings } from "../provider-settings.ts";

/** An OpenAI-compatible service: its name and the same `call` as `openai.call`. */
export interface OpenAICompatibleProvider {
  /** The service's name, used in errors and to look up prices. */
  readonly name: string;
  /** Same signature as `openai.call`; errors, costs and `response.provider` carry the service's name. */
  readonly call: OpenAICall;
}

/** What describes an OpenAI-compatible service. */
export interface OpenAICompatibleOptions {
  /** The service's name, e.g. "groq" (used in errors and to look up prices). */
  name: string;
  /** The base URL under which `/chat/completions` (and `/responses`) live. */
  baseURL: string;
  /** A key used when a call gives none (prefer `apiKeyEnv` or a per-call `client.apiKey`). */
  apiKey?: string;
  /** The environment variable holding the key, e.g. "GROQ_API_KEY". Without a key or variable, no key is sent or required. */
  apiKeyEnv?: string;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Whether the service supports `json_schema` response formats (default false: `responseModel` uses a forced tool call). */
  supportsJsonSchema?: boolean | ((model: string) => boolean);
  /** Whether to send `stream_options: { include_usage: true }` when streaming (default true). */
  streamUsage?: boolean;
  /**
   * Whether the service takes `reasoning_content` back on assistant turns with tool calls. DeepSeek's
   * thinking mode requires it (https://api-docs.deepseek.com/guides/thinking_mode: "the
   * reasoning_content must be fully passed back", else a 400); other services do not get it.
   */
  reasoningContent?: boolean;
  /**
   * Whether the service takes `reasoning_details` back on assistant turns. OpenRouter asks for it:
   * "preserve the complete reasoning_details when passing messages back to the model"
   * (https://openrouter.ai/docs/use-cases/reasoning-tokens); other services do not get it.
   */
  reasoningDetails?: boolean;
  /**
   * Built-in prices of the service's models, keyed "<name>/model" in lower case, for `cost`; or a
   * `PriceLoader` of them, loaded by the service's first call alongside its request.
   */
  prices?: ModelPriceMap | PriceLoader;
}

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
