/**
 * Turns the pieces of one template section (text, parts, cache-control markers) into a message's
 * content: a plain string when it is only text, otherwise an array of parts.
 */
import { TemplateError } from "../../errors/index.ts";
import type { BaseMessageParam, CacheControl, ContentPart } from "../message-param.ts";

/** One resolved piece of a message: running text, a content part, or a cache-control marker. */
export type ContentPiece = { kind: "text"; text: string } | { kind: "part"; part: ContentPart } | { kind: "cache"; control: CacheControl };

/**
 * Builds a message's content from its pieces. Running text is trimmed at both ends and around
 * parts; empty text is dropped. Returns `undefined` when nothing is left (the message is skipped).
 */
export function buildContent(pieces: readonly ContentPiece[]): string | ContentPart[] | undefined {
  const parts: ContentPart[] = [];
  let buffer = "";
  const flush = () => {
    const trimmed = buffer.trim();
    if (trimmed !== "") parts.push({ type: "text", text: trimmed });
    buffer = "";
  };
  for (const piece of pieces) {
    if (piece.kind === "text") {
      buffer += piece.text;
      continue;
    }
    flush();
    if (piece.kind === "part") parts.push(piece.part);
    else markCacheable(parts, piece.control);
  }
  flush();
  if (parts.length === 0) return undefined;
  const [first] = parts;
  if (parts.length === 1 && first.type === "text" && first.cacheControl === undefined) return first.text;
  return parts;
}

function markCacheable(parts: ContentPart[], control: CacheControl): void {
  const last = parts[parts.length - 1];
  if (last?.type !== "text") {
    throw new TemplateError("{:cache_control} must follow text in the same message (it marks the prompt up to that text as cacheable).");
  }
  // Copy: the part may be the caller's own object.
  parts[parts.length - 1] = { ...last, cacheControl: control };
}

/**
 * The text of a substituted value: strings as they are, `null`/`undefined` as "", arrays one item
 * per line, plain objects as JSON, anything else through its own `toString`.
 */
export function textOf(value: unknown): string {
  switch (typeof value) {
    case "string":
      return value;
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    case "undefined":
      return "";
    case "symbol":
    case "function":
      throw new TemplateError(`A ${typeof value} cannot be substituted into a prompt: pass a string.`);
  }
  if (value === null) return "";
  if (Array.isArray(value)) return value.map(textOf).join("\n");
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    throw new TemplateError(
      "Bytes cannot be substituted as text: use {x:image}, {x:audio} or {x:document} in a template, " +
        "or image(bytes) / audio(bytes) / document(bytes) in a prompt`...`.",
    );
  }
  const own = (value as { toString?: unknown }).toString;
  if (typeof own === "function" && own !== Object.prototype.toString) return String(value);
  return jsonText(value);
}

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "";
  } catch (cause) {
    throw new TemplateError("An object substituted into a prompt could not be written as JSON: pass a string.", {
      cause,
    });
  }
}

/** The messages of a `MESSAGES:` slot (provider-native messages pass through unchanged). */
export function historyOf(value: unknown): BaseMessageParam[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new TemplateError(`MESSAGES: expects an array of messages; got ${typeof value}.`);
  }
  return [...(value as BaseMessageParam[])];
}
