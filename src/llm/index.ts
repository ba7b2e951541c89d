import { call, fallback, override } from "./llm-call.ts";
import { registerProvider } from "./registry.ts";

/** Provider-agnostic calls: `llm.call`, `llm.override`, `llm.fallback`, and `llm.registerProvider`. */
export const llm = { call, override, fallback, registerProvider };

export { LLMCallResponse } from "./llm-call-response.ts";
export { LLMStream, type LLMChunk } from "./llm-stream.ts";
export type { LLMCallFunction, CallTarget } from "./llm-call.ts";
export type { LLMCallOptions, ProviderLike, ProviderName } from "./provider-like.ts";
