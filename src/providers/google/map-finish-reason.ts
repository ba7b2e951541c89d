import { type FinishReason, UNKNOWN_FINISH_REASON } from "../../core/finish-reason.ts";
import type { GoogleGenerateContentResponse } from "./api.ts";
import { hasFunctionCall } from "./read-parts.ts";

const FILTERED = new Set([
  "SAFETY",
  "RECITATION",
  "LANGUAGE",
  "BLOCKLIST",
  "PROHIBITED_CONTENT",
  "SPII",
  "IMAGE_SAFETY",
  "IMAGE_PROHIBITED_CONTENT",
  "IMAGE_RECITATION",
  "MODEL_ARMOR",
]);

/**
 * Reasons that name a failure. MISSING_THOUGHT_SIGNATURE: "Request has at least one thought signature
 * missing" (google-genai's FinishReason, googleapis.github.io/kotlin-genai); NO_IMAGE as recorded in
 * test/fixtures/extra/gemini/generate_no_image.json (an image model that made no image).
 */
const FAILED = new Set([
  "FINISH_REASON_UNSPECIFIED",
  "OTHER",
  "MALFORMED_FUNCTION_CALL",
  "UNEXPECTED_TOOL_CALL",
  "TOO_MANY_TOOL_CALLS",
  "MISSING_THOUGHT_SIGNATURE",
  "NO_IMAGE",
]);

/**
 * Maps a Gemini finish reason (https://ai.google.dev/api/generate-content#FinishReason) to the common ones.
 * Gemini has no tool-call reason: a candidate that called functions finishes with `STOP`, so pass
 * `calledTools` to get "tool_calls" then. Content filters give "content_filter"; `MAX_TOKENS` "length";
 * the reasons that name a failure (malformed or unexpected tool calls, `OTHER`, unspecified) "error";
 * a reason this code does not know `UNKNOWN_FINISH_REASON`, as in every provider.
 */
export function mapFinishReason(reason: string, calledTools = false): FinishReason {
  if (reason === "STOP") return calledTools ? "tool_calls" : "stop";
  if (reason === "MAX_TOKENS") return "length";
  if (FILTERED.has(reason)) return "content_filter";
  if (FAILED.has(reason)) return "error";
  return UNKNOWN_FINISH_REASON;
}

/** The raw finish reasons of every candidate in a response or chunk. */
export function finishReasonsOf(raw: GoogleGenerateContentResponse): string[] {
  return (raw.candidates ?? []).flatMap((c) => (c.finishReason ? [c.finishReason] : []));
}

/** The common finish reasons of every candidate in a response or chunk. */
export function commonFinishReasonsOf(raw: GoogleGenerateContentResponse): FinishReason[] {
  return (raw.candidates ?? []).flatMap((c) =>
    c.finishReason ? [mapFinishReason(c.finishReason, hasFunctionCall(c.content?.parts ?? []))] : [],
  );
}
