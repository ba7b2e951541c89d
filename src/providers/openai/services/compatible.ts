import type { ModelPriceMap, PriceLoader } from "../../../core/cost/prices.ts";
import type { OpenAICall } from "../call.ts";
import { compatibleProvider } from "./compatible-provider.ts";

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
