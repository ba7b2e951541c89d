/**
 * The `prompt` tagged template: role markers in the literal text, values substituted as text or
 * as content parts, and `MESSAGES: ${history}` for a message history.
 */
import { TemplateError } from "../../errors/index.ts";
import type { BaseMessageParam } from "../message-param.ts";
import { isContentPart } from "./parts.ts";
import { buildContent, historyOf, textOf, type ContentPiece } from "./prompt-content.ts";
import { historySlot, templateSections, type TemplateToken } from "./prompt-sections.ts";

/**
 * Builds messages from a template literal. `SYSTEM:`, `USER:`, `ASSISTANT:` and `MESSAGES:` are
 * read from the literal text only: a substituted value never creates or ends a message.
 * @example prompt`SYSTEM: You are a librarian.
 * USER: Recommend a ${genre} book. ${image(cover)}`
 */
export function prompt(strings: TemplateStringsArray, ...values: readonly unknown[]): BaseMessageParam[] {
  const tokens: TemplateToken[] = [];
  strings.forEach((literal, i) => {
    tokens.push({ kind: "text", text: literal ?? strings.raw[i] });
    if (i < values.length) tokens.push({ kind: "slot", slot: i });
  });
  const result: BaseMessageParam[] = [];
  for (const section of templateSections(tokens)) {
    if (section.role === "messages") {
      result.push(...historyOf(values[historySlot(section)]));
      continue;
    }
    const pieces = section.tokens.flatMap((t) =>
      t.kind === "text" ? [{ kind: "text", text: t.text } as const] : piecesOf(values[t.slot]),
    );
    const content = buildContent(pieces);
    if (content !== undefined) result.push({ role: section.role, content });
  }
  return result;
}

function piecesOf(value: unknown): ContentPiece[] {
  if (isContentPart(value)) return [{ kind: "part", part: value }];
  if (Array.isArray(value) && value.length > 0) {
    const partCount = value.filter(isContentPart).length;
    if (partCount === value.length) return value.map((part) => ({ kind: "part", part }));
    if (partCount > 0) {
      throw new TemplateError("An array substituted into a prompt mixes content parts and other values: substitute them separately.");
    }
    if (value.some(isMessageLike)) throw messageOutsideHistory();
  }
  if (isMessageLike(value)) throw messageOutsideHistory();
  return [{ kind: "text", text: textOf(value) }];
}

function isMessageLike(value: unknown): boolean {
  return typeof value === "object" && value !== null && "role" in value && ("content" in value || "parts" in value);
}

function messageOutsideHistory(): TemplateError {
  return new TemplateError(
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the message shows the user the template syntax to write
    "A message was substituted into the text of a prompt: insert message histories after `MESSAGES:` (e.g. prompt`MESSAGES: ${history}`).",
  );
}
