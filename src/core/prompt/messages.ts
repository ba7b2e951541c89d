/**
 * Message builders: `messages.system(...)`, `messages.user(...)`, `messages.assistant(...)`.
 */
import { TemplateError } from "../../errors/index.ts";
import type { BaseMessageParam, ContentPart } from "../message-param.ts";
import { isBytes, isContentPart, partFromBytes } from "./parts.ts";

/** What a message builder accepts: text, a content part, or raw image/audio/PDF bytes (sniffed). */
export type MessageContent = string | ContentPart | Uint8Array | ArrayBuffer;

/** A message with the given role; one string gives `content: string`, anything else an array of parts. */
function build(role: "system" | "user" | "assistant", content: readonly MessageContent[]): BaseMessageParam {
  if (content.length === 0) return { role, content: "" };
  if (content.length === 1 && typeof content[0] === "string") return { role, content: content[0] };
  return { role, content: content.map(toPart) };
}

function toPart(item: MessageContent): ContentPart {
  if (typeof item === "string") return { type: "text", text: item };
  if (isBytes(item)) return partFromBytes(item);
  if (isContentPart(item)) return item;
  throw new TemplateError(
    "Message content must be strings, content parts (text(), image(), audio(), document()) or bytes; " +
      `got ${item === null ? "null" : typeof item}.`,
  );
}

/**
 * Builders for provider-neutral messages.
 * @example messages.user("What is in this picture?", image(bytes))
 */
export const messages = {
  /** A system message. */
  system: (...content: MessageContent[]): BaseMessageParam => build("system", content),
  /** A user message. */
  user: (...content: MessageContent[]): BaseMessageParam => build("user", content),
  /** An assistant message (e.g. a previous reply kept in a history). */
  assistant: (...content: MessageContent[]): BaseMessageParam => build("assistant", content),
};
