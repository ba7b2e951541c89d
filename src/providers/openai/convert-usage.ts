import type { Usage } from "../../core/usage";
import type { CompletionUsage } from "./api";
import type { ResponsesUsage } from "./responses-api";

/** Chat Completions usage as promptcall's `Usage` (`prompt_tokens` already includes the cached tokens). */
export function chatUsage(usage: CompletionUsage | null | undefined): Usage | undefined {
  if (!usage) return undefined;
  const out: Usage = {
    inputTokens: usage.prompt_tokens ?? 0,
    outputTokens: usage.completion_tokens ?? 0,
    cachedTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
    totalTokens: usage.total_tokens ?? (usage.prompt_tokens ?? 0) + (usage.completion_tokens ?? 0),
  };
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  if (typeof reasoning === "number") out.reasoningTokens = reasoning;
  return out;
}

/** Responses API usage as promptcall's `Usage` (`input_tokens` already includes the cached tokens). */
export function responsesUsage(usage: ResponsesUsage | null | undefined): Usage | undefined {
  if (!usage) return undefined;
  const out: Usage = {
    inputTokens: usage.input_tokens ?? 0,
    outputTokens: usage.output_tokens ?? 0,
    cachedTokens: usage.input_tokens_details?.cached_tokens ?? 0,
    totalTokens: usage.total_tokens ?? (usage.input_tokens ?? 0) + (usage.output_tokens ?? 0),
  };
  const reasoning = usage.output_tokens_details?.reasoning_tokens;
  if (typeof reasoning === "number") out.reasoningTokens = reasoning;
  return out;
}

/** Usage as Chat Completions reports it (for responses built from a stream). */
export function toCompletionUsage(usage: Usage): CompletionUsage {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.totalTokens,
    prompt_tokens_details: { cached_tokens: usage.cachedTokens },
    completion_tokens_details: usage.reasoningTokens === undefined ? undefined : { reasoning_tokens: usage.reasoningTokens },
  };
}

/** Usage as the Responses API reports it (for responses built from a stream). */
export function toResponsesUsage(usage: Usage): ResponsesUsage {
  return {
    input_tokens: usage.inputTokens,
    output_tokens: usage.outputTokens,
    total_tokens: usage.totalTokens,
    input_tokens_details: { cached_tokens: usage.cachedTokens },
    output_tokens_details: { reasoning_tokens: usage.reasoningTokens ?? 0 },
  };
}
