import { createParser } from "eventsource-parser";
import type * as SseErrors from "./sse-errors.ts";
import { failures } from "./seams.ts";

/** One Server-Sent Event: `data` lines joined with "\n", plus the `event:` name and `id:` when sent. */
export interface SseEvent {
  event?: string;
  data: string;
  id?: string;
}

/**
 * Turns raw body bytes into SSE events, chunk by chunk (see {@link createSseDecoder}). A bad body
 * gives a rejected promise (a `ParseError`) instead of events; `yield` or `await` it to throw.
 */
export interface SseDecoder {
  /** Decodes one chunk; returns the events it completed (the same array, refilled on every call). */
  push(chunk: Uint8Array): SseEvent[] | Promise<never>;
  /**
   * Flushes at end of stream, completing a final event that lacks its blank line, unless the body
   * ended inside that event's JSON (a cut connection: the unfinished event is dropped).
   */
  end(): SseEvent[] | Promise<SseEvent[]>;
}

/** Default cap on one SSE line or one buffered event: 8 MiB. */
export const DEFAULT_MAX_LINE_LENGTH = 8 * 1024 * 1024;

type Errors = typeof SseErrors;

/** A failure as a rejected promise: the error classes and messages load only when one happens. */
const fail = (build: (errors: Errors) => never): Promise<never> => failures().then(build);

/**
 * Creates the synchronous bytes → events core of `sseEvents`: a streaming, fatal UTF-8 `TextDecoder`
 * feeding eventsource-parser's callback parser. Comments and unknown fields are ignored. Fails (see
 * {@link SseDecoder}) on invalid UTF-8 or a line/event longer than `maxLineLength` bytes.
 */
export function createSseDecoder(maxLineLength: number = DEFAULT_MAX_LINE_LENGTH): SseDecoder {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const events: SseEvent[] = [];
  let oversized = false;
  let lineBytes = 0; // bytes since the last CR or LF: a line's length before it is decoded
  let offset = 0; // bytes consumed so far, for error messages
  const parser = createParser({
    onEvent: (event) => void events.push(event),
    // Only the size cap matters here: unknown fields and bad `retry:` values are ignored, as EventSource does.
    onError: (error) => {
      if (error.type === "max-buffer-size-exceeded") oversized = true;
    },
    // Counts UTF-16 units, never more than the bytes they came from, so "bytes" in the message stays true.
    maxBufferSize: maxLineLength,
  });

  function decode(chunk?: Uint8Array): SseEvent[] | Promise<never> {
    let text: string;
    try {
      // At the end, two line feeds end a pending line (also one ending in "\r") and dispatch its
      // event; after a body that ended with a blank line they are just empty lines.
      text = chunk ? decoder.decode(chunk, { stream: true }) : `${decoder.decode()}\n\n`;
    } catch (cause) {
      const at = offset;
      return fail((errors) => errors.invalidUtf8(cause, chunk, at));
    }
    events.length = 0;
    parser.feed(text);
    if (oversized) return fail((errors) => errors.tooLarge("event", maxLineLength, text));
    return events;
  }

  return {
    push(chunk) {
      // Scan back to the last line break: usually a few bytes, as chunks tend to end at an event.
      let last = chunk.length - 1;
      while (last >= 0 && chunk[last] !== 10 && chunk[last] !== 13) last--;
      lineBytes = last < 0 ? lineBytes + chunk.length : chunk.length - last - 1;
      if (lineBytes > maxLineLength) return fail((errors) => errors.tooLarge("line", maxLineLength, chunk));
      const events = decode(chunk);
      offset += chunk.length;
      return events;
    },
    // A body that ended inside a line may have cut its event's JSON: that is judged lazily (rare).
    end: () => (lineBytes > 0 ? failures().then((errors) => errors.dropCutEvent(decode())) : decode()),
  };
}
