import { createParser } from "eventsource-parser";
import { ParseError } from "../errors/parse-error";

/** One Server-Sent Event: `data` lines joined with "\n", plus the `event:` name and `id:` when sent. */
export interface SseEvent {
  event?: string;
  data: string;
  id?: string;
}

/** Turns raw body bytes into SSE events, chunk by chunk (see {@link createSseDecoder}). */
export interface SseDecoder {
  /** Decodes one chunk; returns the events it completed (the same array, refilled on every call). */
  push(chunk: Uint8Array): SseEvent[];
  /** Flushes at end of stream, completing a final event that lacks its blank line. */
  end(): SseEvent[];
}

/** Default cap on one SSE line or one buffered event: 8 MiB. */
export const DEFAULT_MAX_LINE_LENGTH = 8 * 1024 * 1024;

const LF = 10;
const CR = 13;
const RAW_PREVIEW = 1024;

/**
 * Creates the synchronous bytes → events core used by `sseEvents`: a streaming, fatal UTF-8
 * `TextDecoder` feeding eventsource-parser's callback parser. Comments and unknown fields are
 * ignored. Throws `ParseError` on invalid UTF-8 or on a line/event longer than `maxLineLength` bytes.
 */
export function createSseDecoder(maxLineLength: number = DEFAULT_MAX_LINE_LENGTH): SseDecoder {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const events: SseEvent[] = [];
  let oversizedEvent = false;
  let lineBytes = 0; // bytes since the last CR or LF: a line's length before it is decoded
  let offset = 0; // bytes consumed so far, for error messages

  const parser = createParser({
    onEvent: (event) => void events.push(event),
    // Only the size cap matters here: unknown fields and bad `retry:` values are ignored, as EventSource does.
    onError: (error) => {
      if (error.type === "max-buffer-size-exceeded") oversizedEvent = true;
    },
    // Counts UTF-16 units, never more than the bytes they came from, so "bytes" below stays true.
    maxBufferSize: maxLineLength,
  });

  function decode(chunk: Uint8Array | undefined): string {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch (cause) {
      const where = chunk ? `in the chunk at byte ${offset}` : "at its end (a truncated multi-byte character)";
      const raw = chunk ? preview(chunk) : "";
      throw new ParseError(
        `Invalid UTF-8 in the event stream ${where}. An SSE body must be UTF-8 text; check the server's response encoding.`,
        { cause, raw },
      );
    }
  }

  function feed(text: string): SseEvent[] {
    events.length = 0;
    parser.feed(text);
    if (oversizedEvent) throw tooLarge("event", maxLineLength, text.slice(0, RAW_PREVIEW));
    return events;
  }

  return {
    push(chunk) {
      // Scan back to the last line break: usually a few bytes, as chunks tend to end at an event.
      let last = chunk.length - 1;
      while (last >= 0 && chunk[last] !== LF && chunk[last] !== CR) last--;
      lineBytes = last === -1 ? lineBytes + chunk.length : chunk.length - last - 1;
      if (lineBytes > maxLineLength) throw tooLarge("line", maxLineLength, preview(chunk));
      const text = decode(chunk);
      offset += chunk.length;
      return feed(text);
    },
    // Two line feeds end a pending line (also one ending in a lone "\r") and then dispatch its event;
    // when the body already ended with a blank line they are just empty lines and dispatch nothing.
    end: () => feed(`${decode(undefined)}\n\n`),
  };
}

function tooLarge(what: "line" | "event", limit: number, raw: string): ParseError {
  return new ParseError(
    `SSE ${what} exceeds ${limit} bytes; the body is probably not an event stream. ` +
      "If such large events are expected, raise the `maxLineLength` option.",
    { raw },
  );
}

/** The start of a chunk as text, invalid bytes replaced, for an error's `raw`. */
function preview(chunk: Uint8Array): string {
  return new TextDecoder().decode(chunk.subarray(0, RAW_PREVIEW));
}
