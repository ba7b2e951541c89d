// The errors of the SSE layer, imported only when a stream fails, so the error classes and their
// messages stay out of the code that decodes a healthy stream.
import { NetworkError } from "../errors/index.ts";
import { ParseError } from "../errors/index.ts";
import { PromptcallError } from "../errors/index.ts";
import type { SseEvent } from "./sse-decoder.ts";

const PREVIEW = 1024;

/** Throws the `ParseError` for bytes that are not UTF-8: in the chunk at byte `at`, or a truncated character at the end. */
export function invalidUtf8(cause: unknown, chunk?: Uint8Array, at?: number): never {
  const where = chunk ? `in the chunk at byte ${at}` : "at its end (a truncated multi-byte character)";
  throw new ParseError(
    `Invalid UTF-8 in the event stream ${where}. An SSE body must be UTF-8 text; check the server's response encoding.`,
    { cause, raw: chunk ? preview(chunk) : "" },
  );
}

/** Throws the `ParseError` for a line or buffered event longer than `limit` bytes; `raw` keeps its start. */
export function tooLarge(what: "line" | "event", limit: number, raw: Uint8Array | string): never {
  throw new ParseError(
    `SSE ${what} exceeds ${limit} bytes; the body is probably not an event stream. ` +
      "If such large events are expected, raise the `maxLineLength` option.",
    { raw: typeof raw === "string" ? raw.slice(0, PREVIEW) : preview(raw) },
  );
}

/** A failed body read as a typed error: aborts and promptcall errors pass through, the rest become a `NetworkError`. */
export function readFailure(error: unknown): unknown {
  const isAbort = typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
  if (isAbort || PromptcallError.isInstance(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new NetworkError(`The response body failed while streaming events (${detail}). The connection probably dropped; retry the call.`, {
    cause: error,
  });
}

/** The start of a chunk as text, invalid bytes replaced. */
function preview(chunk: Uint8Array): string {
  return new TextDecoder().decode(chunk.subarray(0, PREVIEW));
}

/**
 * The events of a body that ended inside a line (no line break after it): the last event is dropped
 * when its data starts as JSON (an object or an array, not `[DONE]`) and does not parse, as the
 * connection was cut inside it (EventSource never dispatches an unfinished event). The stream then
 * ends as a cut one, keeping the text so far, instead of failing on malformed data.
 */
export function dropCutEvent<T extends SseEvent[] | Promise<never>>(events: T): T {
  const data = Array.isArray(events) ? events.at(-1)?.data : undefined;
  if (data === undefined || data === "[DONE]" || !/^\s*[[{]/.test(data)) return events;
  try {
    JSON.parse(data);
  } catch {
    (events as SseEvent[]).pop();
  }
  return events;
}

/**
 * The error for a body that is not a whole event stream: HTML or JSON instead of events (a proxy's
 * page, a server that ignored `stream: true`, a JSON error with status 200) is a `ParseError` with
 * its start on `raw`; a stream that ended before its terminal event is a `NetworkError` (the text so
 * far goes on its `content`).
 */
export function incompleteStream(problem: "not-sse" | "cut", provider = "the server", head = ""): never {
  if (problem === "not-sse") {
    throw new ParseError(
      `${provider} answered a streaming call with a body that is not an event stream (it starts ${JSON.stringify(head.slice(0, 40))}): a proxy's page, a JSON answer or a JSON error. Check the client's baseURL; the start is on \`raw\`.`,
      { raw: head },
    );
  }
  throw new NetworkError(
    `The event stream from ${provider} ended before its final event: the connection was probably cut. The text received so far is on \`content\`; retry the call.`,
  );
}
