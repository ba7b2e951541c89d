import { readStream, SKIP } from "./read-stream.ts";
import { createSseDecoder } from "./sse-decoder.ts";
import type { SseEvent } from "./sse-decoder.ts";

/** Options for {@link sseEvents}. */
export interface SseEventsOptions {
  /** Aborting cancels the body and rejects with the signal's reason. Pass the request's signal. */
  signal?: AbortSignal;
  /** Largest line or buffered event, in bytes, before a `ParseError` (default 8 MiB). */
  maxLineLength?: number;
}

/**
 * Decodes a fetch body into Server-Sent Events. One reader loop feeds a streaming UTF-8 decoder
 * and a line parser, so chunk boundaries (inside a character, between "\r" and "\n") never
 * matter. Breaking out of the loop cancels the body, which aborts the fetch.
 *
 * Errors: `ParseError` for invalid UTF-8 or an oversized line, `NetworkError` when the body fails
 * mid-stream, the signal's reason on abort.
 *
 * @example
 * for await (const event of sseEvents(response.body!, { signal })) console.log(event.event, event.data);
 */
export async function* sseEvents(body: ReadableStream<Uint8Array>, options?: SseEventsOptions): AsyncGenerator<SseEvent, void, undefined> {
  for await (const batch of sseEventBatches(body, options)) for (const event of batch) yield event;
}

/**
 * {@link sseEvents} one body read at a time: yields the events decoded from each read together,
 * so a consumer takes one async step per read instead of one per event. The array is reused:
 * read it before asking for the next batch.
 */
export function sseEventBatches(
  body: ReadableStream<Uint8Array>,
  { signal, maxLineLength }: SseEventsOptions = {},
): AsyncGenerator<SseEvent[], void, undefined> {
  const decoder = createSseDecoder(maxLineLength);
  return readStream(
    body,
    signal,
    (result) => {
      const events = result.done ? decoder.end() : decoder.push(result.value);
      return Array.isArray(events) && events.length === 0 ? SKIP : events;
    },
    // Errors load on failure; an abort during the read keeps the signal's reason.
    (error) => (signal?.aborted ? signal.reason : import("./sse-errors.ts").then((errors) => errors.readFailure(error))),
  );
}
