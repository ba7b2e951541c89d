import type { NoExtraOptions } from "../core/call-options.ts";
import type { GoogleCallExtra } from "../providers/google/setup-call.ts";
import type { OpenAIExtraOptions } from "../providers/openai/setup-call.ts";
import type { LLMCallOptions, ProviderName } from "./provider-like.ts";

/** Each built-in provider's own options (a preset is an OpenAI provider; Vertex serves Gemini). */
interface BuiltInExtras extends Record<ProviderName, object> {
  openai: OpenAIExtraOptions;
  anthropic: {};
  google: GoogleCallExtra;
  bedrock: {};
  vertex: GoogleCallExtra;
  groq: OpenAIExtraOptions;
  xai: OpenAIExtraOptions;
  deepseek: OpenAIExtraOptions;
  openrouter: OpenAIExtraOptions;
  together: OpenAIExtraOptions;
  mistral: OpenAIExtraOptions;
  ollama: OpenAIExtraOptions;
}

/** `LLMCallOptions` without its index signature: the options every provider takes. */
type CommonOptions = { [K in keyof LLMCallOptions as string extends K ? never : number extends K ? never : K]: unknown };

/** The provider options `O` name: `provider` (a name or an object), else the model's `provider/` prefix. */
type ProviderOf<O> = O extends { provider: infer P } ? P : O extends { model: `${infer P}/${string}` } ? P : undefined;

/**
 * The options provider `P` takes beside the common ones: a built-in's own, a provider object's
 * (read from its `call`; any for a hand-written `call(options: any)`), any for a registered name.
 */
type ExtraOf<P> = P extends ProviderName
  ? BuiltInExtras[P]
  : P extends string
    ? Record<string, unknown>
    : P extends { call: (options: infer Options, ...rest: never[]) => unknown }
      ? Options
      : {};

/**
 * `llm.call`'s check of its options: a misspelt or foreign option does not compile. Options typed
 * with an index signature (`LLMCallOptions` itself, while `O` is inferred) are not checked.
 */
export type LLMKnownOptions<O> = string extends keyof O ? unknown : NoExtraOptions<O, CommonOptions & ExtraOf<ProviderOf<O>>>;
