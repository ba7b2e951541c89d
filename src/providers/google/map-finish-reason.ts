import type { FinishReason } from "../../core/finish-reason.ts";
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
 * Maps a Gemini finish reason (https://ai.google.dev/api/generate-content#FinishReason) to the common ones.
 * Gemini has no tool-call reason: a candidate that called functions finishes with `STOP`, so pass
 * `calledTools` to get "tool_calls" then. Content filters give "content_filter"; `MAX_TOKENS` "length";
 * malformed or unexpected tool calls and `OTHER`/unknown reasons "error".
 */
export function mapFinishReason(reason: string, calledTools = false): FinishReason {
  if (reason === "STOP") return calledTools ? "tool_calls" : "stop";
  if (reason === "MAX_TOKENS") return "length";
  if (FILTERED.has(reason)) return "content_filter";
  return "error";
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
