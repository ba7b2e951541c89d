import { REDACTED } from "../errors/redact-secrets.ts";

/** Secrets shorter than this are not looked for in a streamed body: every provider's key is longer, and a short word would be mangled. */
const MIN_LENGTH = 16;

/**
 * `body` with every occurrence of a secret's bytes replaced by "[redacted]", also where a secret is
 * cut across chunks. A chunk goes on at once, except a tail that could be the start of a secret,
 * which waits for the next chunk (event-stream chunks end with a blank line, so in practice none
 * waits). Cancelling the result cancels `body`.
 */
export function redactStream(body: ReadableStream<Uint8Array>, secrets: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const needles = secrets
    .filter((s) => s.length >= MIN_LENGTH)
    .map((s) => encoder.encode(s))
    .sort((a, b) => b.length - a.length);
  if (needles.length === 0) return body;
  const firstBytes = new Set(needles.map((n) => n[0]));
  const replacement = encoder.encode(REDACTED);
  let held: Uint8Array = new Uint8Array(0);
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        const buffer = held.length === 0 ? chunk : concat([held, chunk]);
        const { out, rest } = scan(buffer, needles, firstBytes, replacement);
        held = rest;
        if (out.length > 0) controller.enqueue(out);
      },
      flush(controller) {
        if (held.length > 0) controller.enqueue(held);
      },
    }),
  );
}

/** The bytes of `buffer` that can go on (secrets replaced), and the tail that may start a secret. */
function scan(
  buffer: Uint8Array,
  needles: readonly Uint8Array[],
  firstBytes: Set<number | undefined>,
  replacement: Uint8Array,
): { out: Uint8Array; rest: Uint8Array } {
  const parts: Uint8Array[] = [];
  let from = 0;
  for (let i = 0; i < buffer.length; i++) {
    if (!firstBytes.has(buffer[i])) continue;
    const found = match(buffer, i, needles);
    if (found === "partial") {
      parts.push(buffer.subarray(from, i));
      return { out: concat(parts), rest: buffer.slice(i) };
    }
    if (found > 0) {
      parts.push(buffer.subarray(from, i), replacement);
      from = i + found;
      i = from - 1;
    }
  }
  parts.push(buffer.subarray(from));
  return { out: concat(parts), rest: new Uint8Array(0) };
}

/** The length of the (longest) secret at `at`; "partial" when the buffer ends inside a secret's start; 0 for none. */
function match(buffer: Uint8Array, at: number, needles: readonly Uint8Array[]): number | "partial" {
  let partial = false;
  for (const needle of needles) {
    const length = Math.min(needle.length, buffer.length - at);
    let same = 0;
    while (same < length && buffer[at + same] === needle[same]) same++;
    if (same === needle.length) return needle.length;
    if (same === length) partial = true;
  }
  return partial ? "partial" : 0;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
