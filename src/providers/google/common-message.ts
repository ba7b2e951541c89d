import type { BaseMessageParam, ContentPart } from "../../core/message-param.ts";
import type { GooglePart } from "./api.ts";
import { toolCallData } from "./read-parts.ts";

/** `providerData` of neutral thinking parts made from Gemini parts, so they go back only to Gemini. */
export const GOOGLE_THINKING = { provider: "google" } as const;
/** Marks a neutral thinking part that only carries the signature of the text part after it. */
export const GOOGLE_TEXT_SIGNATURE = { provider: "google", attachedTo: "text" } as const;

/**
 * The model's parts as a provider-neutral assistant message: thoughts become thinking parts (with
 * their signatures), function calls tool-call parts (signature and wire id in `providerData`), and
 * inline images/audio image/audio parts. A signature on a text part travels on an empty thinking
 * part just before it. Plain text alone gives `content: string`.
 */
export function toCommonMessage(parts: readonly GooglePart[], responseId: string | undefined): BaseMessageParam {
  const content: ContentPart[] = [];
  let ordinal = 0;
  for (const part of parts) {
    if (part.functionCall) {
      const call = toolCallData(part, ordinal++, responseId);
      const args = typeof call.args === "string" ? (JSON.parse(call.args) as Record<string, unknown>) : call.args;
      // Marked as Gemini's own, so that going back to Gemini it is not taken for another model's call.
      content.push({ type: "tool_call", id: call.id, name: call.name, args, providerData: { ...call.providerData, ...GOOGLE_THINKING } });
    } else if (typeof part.text === "string" && part.thought) {
      content.push(thinking(part.text, part.thoughtSignature, GOOGLE_THINKING));
    } else if (typeof part.text === "string") {
      if (part.thoughtSignature) content.push(thinking("", part.thoughtSignature, GOOGLE_TEXT_SIGNATURE));
      appendText(content, part.text);
    } else if (part.inlineData) {
      const { mimeType, data } = part.inlineData;
      if (mimeType.startsWith("image/")) content.push({ type: "image", mediaType: mimeType, data });
      else if (mimeType.startsWith("audio/")) content.push({ type: "audio", mediaType: mimeType, data });
    }
  }
  if (content.every((p) => p.type === "text")) {
    return { role: "assistant", content: content.map((p) => (p.type === "text" ? p.text : "")).join("") };
  }
  return { role: "assistant", content };
}

function thinking(text: string, signature: string | undefined, providerData: Record<string, unknown>): ContentPart {
  return signature
    ? { type: "thinking", thinking: text, signature, providerData: { ...providerData } }
    : { type: "thinking", thinking: text, providerData: { ...providerData } };
}

function appendText(content: ContentPart[], text: string): void {
  const last = content[content.length - 1];
  if (last?.type === "text") last.text += text;
  else content.push({ type: "text", text });
}
