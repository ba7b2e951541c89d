import { NetworkError } from "../errors/network-error";
import { PromptcallError } from "../errors/promptcall-error";
import { cancelOnAbort, releaseReader } from "./read-stream";
import { createSseDecoder } from "./sse-decoder";
import type { SseEvent } from "./sse-decoder";

/** Options for {@link sseEvents}. */
export interface SseEventsOptions {
  /** Aborting cancels the body and rejects with the signal's reason. Pass the request's signal. */
  signal?: AbortSignal;
  /** Largest line or buffered event, in bytes, before a `ParseError` (default 8 MiB). */
  maxLineLength?: number;
}

/**
 * Decodes a fetch body into Server-Sent Events. One reader loop feeds a streaming UTF-8 decoder
 * and eventsource-parser, so chunk boundaries (inside a character, between "\r" and "\n") never
 * matter. Breaking out of the loop cancels the body, which aborts the fetch.
 *
 * Errors: `ParseError` for invalid UTF-8 or an oversized line, `NetworkError` when the body fails
 * mid-stream, the signal's reason on abort.
 *
 * @example
 * for await (const event of sseEvents(response.body!, { signal })) console.log(event.event, event.data);
 */
export async function* sseEvents(
  body: ReadableStream<Uint8Array>,
  options: SseEventsOptions = {},
): AsyncGenerator<SseEvent, void, undefined> {
  for await (const batch of sseEventBatches(body, options)) {
    for (let i = 0; i < batch.length; i++) yield batch[i];
  }
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
  const { signal } = options;
  signal?.throwIfAborted();
  const decoder = createSseDecoder(options.maxLineLength);
  const reader = body.getReader();
  const unsubscribe = cancelOnAbort(reader, signal);
  let finished = false;
  let reason: unknown;
  try {
    while (true) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (error) {
        throw readFailure(error, signal);
      }
      signal?.throwIfAborted();
      const events = result.done ? decoder.end() : decoder.push(result.value);
      if (events.length > 0) {
        try {
          yield events;
        } catch (error) {
          reason = error;
          throw error;
        }
      }
      if (result.done) {
        finished = true;
        return;
      }
    }
  } catch (error) {
    reason ??= error;
    throw error;
  } finally {
    unsubscribe();
    await releaseReader(reader, finished, reason ?? signal?.reason);
  }
}

/** A failure of the body as a typed error; aborts keep their reason, promptcall errors pass through. */
function readFailure(error: unknown, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return signal.reason;
  if (isAbort(error) || PromptcallError.isInstance(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new NetworkError(
    `The response body failed while streaming events (${detail}). The connection probably dropped; retry the call.`,
    { cause: error },
  );
}

function isAbort(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
}
