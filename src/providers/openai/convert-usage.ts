import type { Usage } from "../../core/usage.ts";
import type { CompletionUsage } from "./api.ts";

/**
 * The two APIs report usage in the same shape under different names: Chat Completions says
 * `prompt`/`completion` where the Responses API says `input`/`output` (`prompt_tokens`,
 * `prompt_tokens_details.cached_tokens`, `completion_tokens_details.reasoning_tokens` …).
 * The Responses API's names are applied by `responses-usage`, loaded with that API.
 */
type Wire = Record<string, any>;

/** Usage in either API's names (`i`/`o`: the input and output prefixes) as promptcall's `Usage` (input includes cached tokens). */
export function readUsage(usage: Wire | null | undefined, i: string, o: string): Usage | undefined {
  if (!usage) return undefined;
  const input: number = usage[`${i}_tokens`] ?? 0;
  const inputDetails = usage[`${i}_tokens_details`];
  const reasoning = usage[`${o}_tokens_details`]?.reasoning_tokens;
  let output: number = usage[`${o}_tokens`] ?? 0;
  // OpenAI's completion count includes reasoning; xAI's does not (a recorded grok-3-mini response:
  // prompt 307 + completion 26 + reasoning 255 = total 588). When the total says reasoning was counted
  // apart, add it: promptcall's outputTokens includes reasoning. (With OpenAI's counting this sum
  // never equals the total while reasoning > 0.)
  if (typeof reasoning === "number" && reasoning > 0 && usage.total_tokens === input + output + reasoning) output += reasoning;
  const out: Usage = {
    inputTokens: input,
    outputTokens: output,
    cachedTokens: inputDetails?.cached_tokens ?? 0,
    totalTokens: usage.total_tokens ?? input + output,
  };
  // Newer models also report prompt-cache writes (`input_tokens_details.cache_write_tokens`).
  const cacheWrite = inputDetails?.cache_write_tokens;
  if (typeof cacheWrite === "number") out.cacheWriteTokens = cacheWrite;
  if (typeof reasoning === "number") out.reasoningTokens = reasoning;
  return out;
}

/** promptcall's `Usage` in either API's names (for responses built from a stream). */
export function writeUsage(usage: Usage, i: string, o: string, reasoning: unknown): Wire {
  return {
    [`${i}_tokens`]: usage.inputTokens,
    [`${o}_tokens`]: usage.outputTokens,
    total_tokens: usage.totalTokens,
    [`${i}_tokens_details`]: {
      cached_tokens: usage.cachedTokens,
      ...(usage.cacheWriteTokens === undefined ? {} : { cache_write_tokens: usage.cacheWriteTokens }),
    },
    [`${o}_tokens_details`]: reasoning,
  };
}

/** Chat Completions usage as promptcall's `Usage`. */
export const chatUsage = (usage: CompletionUsage | null | undefined): Usage | undefined => readUsage(usage, "prompt", "completion");

/** Usage as Chat Completions reports it (no reasoning details when there were none). */
export const toCompletionUsage = (usage: Usage): CompletionUsage =>
  writeUsage(
    usage,
    "prompt",
    "completion",
    usage.reasoningTokens === undefined ? undefined : { reasoning_tokens: usage.reasoningTokens },
  ) as CompletionUsage;
