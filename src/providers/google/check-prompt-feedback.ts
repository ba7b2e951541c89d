import type { BlockedResponse } from "./is-prompt-blocked.ts";
import { PromptBlockedError } from "../../errors/index.ts";

/**
 * The `PromptBlockedError` for a response whose prompt Gemini blocked (`isPromptBlocked(raw)` is true).
 * Part of the `failures` seam: a call that is not blocked never loads the error classes.
 */
export function promptBlockedError(raw: BlockedResponse): PromptBlockedError {
  const feedback = raw.promptFeedback;
  const flagged = (feedback.safetyRatings ?? [])
    .filter((r) => r.blocked || r.probability === "HIGH" || r.probability === "MEDIUM")
    .map((r) => `${r.category} (${r.probability})`);
  const detail = feedback.blockReasonMessage ? ` ${feedback.blockReasonMessage.replace(/[.\s]+$/, "")}.` : "";
  const ratings = flagged.length > 0 ? ` Flagged: ${flagged.join(", ")}.` : "";
  return new PromptBlockedError(
    `google blocked the prompt (blockReason ${feedback.blockReason}); nothing was generated.${detail}${ratings} ` +
      "Rephrase the prompt, or adjust callParams.safetySettings if a safety filter blocked it.",
    {
      blockReason: feedback.blockReason,
      blockReasonMessage: feedback.blockReasonMessage,
      safetyRatings: feedback.safetyRatings,
      body: raw,
    },
  );
}
