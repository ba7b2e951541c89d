import type { ModelPriceMap } from "../../core/cost/prices.ts";

/** The endpoint a call goes to. */
export type OpenAIEndpoint = "chat/completions" | "responses";

/**
 * What makes an OpenAI-compatible service different from OpenAI: its name (used in errors and costs),
 * base URL, key variable and auth header. The OpenAI provider and every preset share all other code.
 */
export interface OpenAIProviderSettings {
  /** The provider's name, e.g. "openai", "groq"; used in errors and to look up prices. */
  name: string;
  /** The default base URL, e.g. "https://api.openai.com/v1". */
  baseURL: string;
  /** The environment variable holding the API key, e.g. "OPENAI_API_KEY". */
  apiKeyEnv?: string;
  /** Whether a call to the default base URL needs a key (false for local servers such as Ollama). */
  requiresApiKey: boolean;
  /** How the key is sent: `Authorization: Bearer <key>` (default) or Azure's `api-key: <key>`. */
  auth?: "bearer" | "api-key";
  /** Headers sent with every request (before the client's own). */
  headers?: Record<string, string>;
  /** Builds an endpoint URL (default `${baseURL}/${endpoint}`); Azure puts a deployment and api-version in it. */
  url?: (baseURL: string, endpoint: OpenAIEndpoint) => string;
  /** Whether `model` supports Structured Outputs (`json_schema` response format); false means a forced tool call. */
  supportsJsonSchema?: (model: string) => boolean;
  /** Whether to send `stream_options: { include_usage: true }` (default true; some servers reject it). */
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
  /** Built-in prices of the service's models, keyed "<name>/model" (default: OpenAI's, `OPENAI_PRICES`). */
  prices?: ModelPriceMap;
}
