import { call, fallback, override } from "./llm-call";

/** Provider-agnostic calls: `llm.call`, `llm.override`, `llm.fallback`. */
export const llm = { call, override, fallback };

export { LLMCallResponse } from "./llm-call-response";
export { LLMStream, type LLMChunk } from "./llm-stream";
export type { LLMCallFunction, CallTarget } from "./llm-call";
export type { LLMCallOptions, ProviderLike, ProviderName } from "./provider-like";
