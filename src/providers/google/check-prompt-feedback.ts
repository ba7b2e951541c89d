import type { GoogleGenerateContentResponse } from "./api.ts";
import { PromptBlockedError } from "./prompt-blocked-error.ts";

/** Throws `PromptBlockedError` when Gemini blocked the prompt (a `blockReason` and no candidates). */
export function checkPromptFeedback(raw: GoogleGenerateContentResponse): void {
  const feedback = raw.promptFeedback;
  if (!feedback?.blockReason || (raw.candidates?.length ?? 0) > 0) return;
  const flagged = (feedback.safetyRatings ?? [])
    .filter((r) => r.blocked || r.probability === "HIGH" || r.probability === "MEDIUM")
    .map((r) => `${r.category} (${r.probability})`);
  const detail = feedback.blockReasonMessage ? ` ${feedback.blockReasonMessage.replace(/[.\s]+$/, "")}.` : "";
  const ratings = flagged.length > 0 ? ` Flagged: ${flagged.join(", ")}.` : "";
  throw new PromptBlockedError(
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
