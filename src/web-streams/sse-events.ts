import { readStream, SKIP } from "./read-stream.ts";
import { failures } from "./seams.ts";
import { createSseDecoder } from "./sse-decoder.ts";
import type { SseEvent } from "./sse-decoder.ts";

/** How much of a body that is not an event stream its `ParseError` keeps on `raw`. */
const HEAD = 64 * 1024;

/** Options for {@link sseEvents}. */
export interface SseEventsOptions {
  /** Aborting cancels the body and rejects with the signal's reason. Pass the request's signal. */
  signal?: AbortSignal;
  /** Largest line or buffered event, in bytes, before a `ParseError` (default 8 MiB). */
  maxLineLength?: number;
  /**
   * The provider's last event (e.g. `data: [DONE]`): iteration ends with it, at once (the body is
   * cancelled, not read to its close), and anything after it is ignored.
   */
  isTerminal?: (event: SseEvent) => boolean;
  /**
   * Asked when the body ends without a terminal event: whether the events so far are a whole
   * answer (e.g. a finish reason was seen). If not, the stream was cut: a `NetworkError`.
   */
  isComplete?: () => boolean;
  /** The provider's name, for error messages (default "the server"). */
  provider?: string;
}

/**
 * Decodes a fetch body into Server-Sent Events. One reader loop feeds a streaming UTF-8 decoder
 * and a line parser, so chunk boundaries (inside a character, between "\r" and "\n") never
 * matter. Breaking out of the loop cancels the body, which aborts the fetch.
 *
 * Errors: `ParseError` for invalid UTF-8, an oversized line, or a body that is HTML or JSON rather
 * than an event stream; `NetworkError` when the body fails mid-stream or ends incomplete (see
 * `isComplete`); the signal's reason on abort.
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
export async function* sseEventBatches(
  body: ReadableStream<Uint8Array>,
  options: SseEventsOptions = {},
): AsyncGenerator<SseEvent[], void, undefined> {
  const { signal, isTerminal } = options;
  const decoder = createSseDecoder(options.maxLineLength);
  let head = ""; // the start of the body, to recognise one that is not an event stream
  let seen = false;
  let terminated = false;
  const mark = (events: SseEvent[]): SseEvent[] => {
    if (events.length > 0) seen = true;
    const last = isTerminal ? events.findIndex(isTerminal) : -1;
    if (last >= 0) {
      terminated = true;
      events.length = last + 1;
    }
    return events;
  };
  yield* readStream(
    body,
    signal,
    (result) => {
      if (!result.done && !seen && head.length < HEAD) head += new TextDecoder().decode(result.value.subarray(0, HEAD));
      const events = result.done ? decoder.end() : decoder.push(result.value);
      // A promise: a failure (rejected), or the last events once a body cut inside one was judged (sse-decoder.ts).
      if (!Array.isArray(events)) return events.then(mark);
      return mark(events).length === 0 ? SKIP : events;
    },
    // Errors load on failure; an abort during the read keeps the signal's reason.
    (error) => (signal?.aborted ? signal.reason : failures().then((errors) => errors.readFailure(error))),
    () => terminated,
  );
  // Checked once the consumer has taken every event (the last may come only with the body's end).
  if (terminated) return;
  const problem = !seen && /^\s*[<{[]/.test(head) ? "not-sse" : options.isComplete && !options.isComplete() ? "cut" : undefined;
  if (problem) (await failures()).incompleteStream(problem, options.provider, head);
}
