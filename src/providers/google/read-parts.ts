import type { ToolCallData } from "../../core/tools/tool.ts";
import type { GoogleCandidate, GoogleGenerateContentResponse, GooglePart } from "./api.ts";

/**
 * The candidate promptcall reads content and tool calls from: index 0 (the only one unless `candidateCount` > 1;
 * a missing index is 0). A stream chunk that carries only another candidate has none: its text is not candidate 0's.
 */
export function primaryCandidate(raw: GoogleGenerateContentResponse): GoogleCandidate | undefined {
  return raw.candidates?.find((c) => (c.index ?? 0) === 0);
}

/** The parts of the primary candidate (empty when a filter removed its content). */
export function primaryParts(raw: GoogleGenerateContentResponse): GooglePart[] {
  return primaryCandidate(raw)?.content?.parts ?? [];
}

/** The answer text: text parts that are not thoughts. */
export function textOf(parts: readonly GooglePart[]): string {
  let text = "";
  for (const part of parts) if (typeof part.text === "string" && !part.thought) text += part.text;
  return text;
}

/** The thought summaries' text (only returned with `thinkingConfig.includeThoughts`). */
export function thinkingOf(parts: readonly GooglePart[]): string {
  let text = "";
  for (const part of parts) if (typeof part.text === "string" && part.thought) text += part.text;
  return text;
}

/**
 * True for a text part with no text and no signature, such as the `{ "text": "" }` a stream sends
 * with its finish reason after a function call. It carries nothing, and Gemini rejects an empty text
 * part in a request ("Unable to submit request because it has an empty text parameter", HTTP 400,
 * google-gemini/generative-ai-js#361), so requests leave it out.
 */
export function isEmptyText(part: GooglePart): boolean {
  return part.text === "" && !part.thoughtSignature && Object.keys(part).every((k) => k === "text" || k === "thought");
}

/** True when the parts hold at least one function call. */
export function hasFunctionCall(parts: readonly GooglePart[]): boolean {
  return parts.some((part) => part.functionCall !== undefined);
}

/**
 * A function-call part as tool call data. Gemini's `id` is optional: when it is missing, the id is
 * made from the response id and the call's position, so it is the same every time it is read (the
 * stream and the response it constructs agree). The wire id and the signature go in `providerData`.
 */
export function toolCallData(part: GooglePart, ordinal: number, responseId: string | undefined): ToolCallData {
  const call = part.functionCall!;
  const providerData: Record<string, unknown> = {};
  if (call.id) providerData.functionCallId = call.id;
  if (part.thoughtSignature) providerData.thoughtSignature = part.thoughtSignature;
  const id = call.id || (responseId ? `call_${responseId}_${ordinal}` : `call_${ordinal}`);
  const data: ToolCallData = { id, name: call.name, args: call.args ?? {} };
  if (Object.keys(providerData).length > 0) data.providerData = providerData;
  return data;
}

/** Every function call in the parts, numbered from `firstOrdinal`. */
export function toolCallsOf(parts: readonly GooglePart[], responseId: string | undefined, firstOrdinal = 0): ToolCallData[] {
  const calls: ToolCallData[] = [];
  for (const part of parts) {
    if (part.functionCall) calls.push(toolCallData(part, firstOrdinal + calls.length, responseId));
  }
  return calls;
}
