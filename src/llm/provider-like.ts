import type { CallOptions, ParserInput } from "../core/call-options.ts";
import type { ClientOptions } from "../http/client-options.ts";
import type { LLMCallResponse } from "./llm-call-response.ts";

/** Anything with a provider's `call(options, fn)`: a built-in provider or one made with `callFactory`. */
export interface ProviderLike {
  readonly name?: string;
  readonly call: (options: any, fn: (...args: any[]) => any) => (...args: any[]) => Promise<unknown>;
}

/** The built-in providers and OpenAI-compatible presets `llm.call` can load by name. */
export type ProviderName =
  | "openai"
  | "anthropic"
  | "google"
  | "bedrock"
  | "vertex"
  | "groq"
  | "xai"
  | "deepseek"
  | "openrouter"
  | "together"
  | "mistral"
  | "ollama";

/**
 * Options of `llm.call`: a provider (name or object) and a model, plus every call option. `M` is the
 * call's `responseModel`, which types what `outputParser` receives.
 */
export interface LLMCallOptions<M = undefined> extends Omit<CallOptions, "model" | "outputParser"> {
  /** A built-in or registered provider's name, or a provider object. Optional when `model` is `"provider/model"`. */
  provider?: ProviderName | (string & {}) | ProviderLike;
  /** The model, or `"provider/model"` shorthand. */
  model: string;
  /** The provider's client options (`apiKey`, `baseURL`, `fetch`, `headers`, and its own, e.g. Vertex's `project`). */
  client?: ClientOptions & { [key: string]: unknown };
  /** Transforms the common response (with `responseModel`: the validated value) into what the call returns (not with `stream`). */
  outputParser?(response: ParserInput<LLMCallResponse, M>): unknown;
  /** Provider-specific options (e.g. OpenAI's `api`). */
  [key: string]: unknown;
}
