import type { GoogleGenerateContentResponse } from "./api.ts";

/** A response whose prompt Gemini blocked. */
export type BlockedResponse = GoogleGenerateContentResponse & { promptFeedback: { blockReason: string } };

/**
 * Whether Gemini blocked the prompt itself: a `promptFeedback.blockReason` and no candidates. Eager and
 * tiny; the error (`promptBlockedError`) loads through the `failures` seam only when this is true.
 */
export function isPromptBlocked(raw: GoogleGenerateContentResponse): raw is BlockedResponse {
  return Boolean(raw.promptFeedback?.blockReason) && (raw.candidates?.length ?? 0) === 0;
}
