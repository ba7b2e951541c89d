import type { Usage } from "../../core/usage.ts";
import type { GoogleUsageMetadata } from "./api.ts";

/**
 * Gemini's `usageMetadata` as our `Usage`. `promptTokenCount` already includes cached tokens (and
 * tool-use prompt tokens are prompt tokens too). Gemini bills thinking at the output rate
 * (https://ai.google.dev/gemini-api/docs/pricing: "Output price (including thinking tokens)"), so
 * `outputTokens` = candidates + thoughts and `reasoningTokens` = thoughts. The total is Gemini's own.
 */
export function convertUsage(meta: GoogleUsageMetadata | undefined): Usage | undefined {
  if (!meta) return undefined;
  const inputTokens = (meta.promptTokenCount ?? 0) + (meta.toolUsePromptTokenCount ?? 0);
  const outputTokens = (meta.candidatesTokenCount ?? 0) + (meta.thoughtsTokenCount ?? 0);
  const usage: Usage = {
    inputTokens,
    outputTokens,
    cachedTokens: meta.cachedContentTokenCount ?? 0,
    totalTokens: meta.totalTokenCount ?? inputTokens + outputTokens,
  };
  if (meta.thoughtsTokenCount !== undefined) usage.reasoningTokens = meta.thoughtsTokenCount;
  return usage;
}
