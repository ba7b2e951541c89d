import { call, fallback, override } from "./llm-call.ts";

/** Provider-agnostic calls: `llm.call`, `llm.override`, `llm.fallback`. */
export const llm = { call, override, fallback };

export { LLMCallResponse } from "./llm-call-response.ts";
export { LLMStream, type LLMChunk } from "./llm-stream.ts";
export type { LLMCallFunction, CallTarget } from "./llm-call.ts";
export type { LLMCallOptions, ProviderLike, ProviderName } from "./provider-like.ts";
