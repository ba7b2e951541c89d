import { isBaseMessageParam, type BaseMessageParam } from "../../core/message-param.ts";
import type { GoogleContent, GooglePart } from "./api.ts";
import { convertParts, type PartContext } from "./convert-parts.ts";
import { isEmptyText } from "./read-parts.ts";

/** The history as Gemini takes it: `contents` and an optional `systemInstruction`. */
export interface ConvertedMessages {
  contents: GoogleContent[];
  systemInstruction?: { parts: GooglePart[] };
}

/**
 * Converts a history of provider-neutral messages and native Gemini contents (`{ role, parts }`), in
 * any mix, to `contents`. System messages become the `systemInstruction`; assistant messages role
 * `model`; user and tool messages role `user`. Native contents are sent as they are, so thought
 * signatures go back exactly as received. Neighbouring contents of one role are joined (parallel
 * function responses belong in one content); empty unsigned text parts (which Gemini rejects, see
 * `isEmptyText`) and then contents without parts are dropped.
 */
export function convertMessages(messages: readonly unknown[]): ConvertedMessages {
  const ctx: PartContext = { wireIds: new Map() };
  const system: GooglePart[] = [];
  const contents: GoogleContent[] = [];
  for (const message of messages) {
    if (isBaseMessageParam(message)) {
      if (message.role === "system") system.push(...systemParts(message));
      else push(contents, { role: message.role === "assistant" ? "model" : "user", parts: neutralParts(message, ctx) });
    } else if (isGoogleContent(message)) {
      rememberWireIds(message, ctx);
      push(contents, message);
    } else {
      throw new TypeError(
        "A message is neither a provider-neutral message ({ role, content }) nor a Gemini content " +
          `({ role: "user" | "model", parts: [...] }): ${preview(message)}.`,
      );
    }
  }
  return system.length > 0 ? { contents, systemInstruction: { parts: system } } : { contents };
}

function neutralParts(message: BaseMessageParam, ctx: PartContext): GooglePart[] {
  if (typeof message.content === "string") return message.content === "" ? [] : [{ text: message.content }];
  return convertParts(message.content, ctx);
}

function systemParts(message: BaseMessageParam): GooglePart[] {
  if (typeof message.content === "string") return message.content ? [{ text: message.content }] : [];
  const parts: GooglePart[] = [];
  for (const part of message.content) if (part.type === "text" && part.text) parts.push({ text: part.text });
  return parts;
}

function push(contents: GoogleContent[], content: GoogleContent): void {
  const parts = content.parts.some(isEmptyText) ? content.parts.filter((part) => !isEmptyText(part)) : content.parts;
  if (parts.length === 0) return;
  const last = contents[contents.length - 1];
  if (last && last.role === content.role) {
    contents[contents.length - 1] = { role: last.role, parts: [...last.parts, ...parts] };
  } else {
    contents.push(parts === content.parts ? content : { ...content, parts });
  }
}

/** Function call ids Gemini sent in a native content: neutral tool results for them echo the id. */
function rememberWireIds(content: GoogleContent, ctx: PartContext): void {
  for (const part of content.parts) {
    const id = part.functionCall?.id;
    if (id) ctx.wireIds.set(id, id);
  }
}

/** True for a native Gemini content. */
export function isGoogleContent(value: unknown): value is GoogleContent {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  return (m.role === "user" || m.role === "model") && Array.isArray(m.parts);
}

function preview(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 120) ?? String(value);
  } catch {
    return String(value);
  }
}
