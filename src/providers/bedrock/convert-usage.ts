import type { Usage } from "../../core/usage.ts";
import type { BedrockUsage } from "./api.ts";

/**
 * Bedrock usage as promptcall's: `inputTokens` leaves out cache reads and writes, so promptcall's
 * `inputTokens` adds all three; `cachedTokens` are the reads and `cacheWriteTokens` the writes.
 * `totalTokens` is Bedrock's own total when it sends one. Real responses carry both
 * `cacheWriteInputTokens` and `cacheWriteInputTokenCount` (and the same for reads); the first is
 * the documented name, the second is read when only it is present.
 */
export function convertUsage(usage: Partial<BedrockUsage>): Usage {
  const raw = usage as Partial<BedrockUsage> & { cacheReadInputTokenCount?: number; cacheWriteInputTokenCount?: number };
  const read = raw.cacheReadInputTokens ?? raw.cacheReadInputTokenCount;
  const write = raw.cacheWriteInputTokens ?? raw.cacheWriteInputTokenCount;
  const input = (usage.inputTokens ?? 0) + (read ?? 0) + (write ?? 0);
  const output = usage.outputTokens ?? 0;
  const result: Usage = {
    inputTokens: input,
    outputTokens: output,
    cachedTokens: read ?? 0,
    totalTokens: usage.totalTokens ?? input + output,
  };
  if (write != null) result.cacheWriteTokens = write;
  return result;
}
