import { apiErrorFromResponse } from "../http/api-error-from-response.ts";
import { ParseError } from "../errors/parse-error.ts";
import { StreamError } from "../errors/stream-error.ts";
import { sseEvents } from "../web-streams/sse-events.ts";
import type { EventStreamEvent } from "./event-stream-event.ts";
import { parseEventStreamEvent } from "./parse-event-stream-event.ts";

/** Options for {@link readEventStream} and {@link streamText}. */
export interface ReadEventStreamOptions {
  /** Aborting cancels the body (and so the server's call) and rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** The events {@link readEventStream} yields: an `error` event is thrown as a `StreamError` instead. */
export type ReadEvent = Exclude<EventStreamEvent, { type: "error" }>;

/** The name a `StreamError` or `APIError` from {@link readEventStream} gives as its provider. */
const SOURCE = "event-stream";

/**
 * Reads a Response in promptcall's SSE format (from `toEventStreamResponse`) as typed events, in a
 * browser or anywhere else. It yields `text`, `tool_call`, `usage` and finally `done`, then stops.
 *
 * Errors: an `error` event throws `StreamError` (its `code` is the server-side error's name, its
 * `content` the text received so far); a stream that ends without `done` throws `StreamError` with
 * code "incomplete"; malformed data throws `ParseError`; a non-2xx response throws the matching
 * `APIError`. Breaking out of the loop cancels the body.
 *
 * @example
 * for await (const event of readEventStream(await fetch("/chat", { method: "POST", body }))) {
 *   if (event.type === "text") output.textContent += event.delta;
 * }
 */
export async function* readEventStream(
  response: Response,
  options: ReadEventStreamOptions = {},
): AsyncGenerator<ReadEvent, void, undefined> {
  options.signal?.throwIfAborted();
  if (!response.ok) throw apiErrorFromResponse({ provider: SOURCE, response, bodyText: await response.text() });
  if (!response.body) {
    throw new ParseError("The response has no body: expected a text/event-stream from toEventStreamResponse().");
  }
  let content = "";
  for await (const sse of sseEvents(response.body, { signal: options.signal })) {
    const event = parseEventStreamEvent(sse);
    if (!event) continue;
    if (event.type === "error") {
      const message = `The server's stream failed with ${event.name}: ${event.message}`;
      throw new StreamError(message, { provider: SOURCE, content, code: event.name, body: event });
    }
    if (event.type === "text") content += event.delta;
    yield event;
    if (event.type === "done") return;
  }
  throw new StreamError("The event stream ended before its done event: the connection was probably cut. Retry the request.", {
    provider: SOURCE,
    content,
    code: "incomplete",
    isRetryable: true,
  });
}

/**
 * Reads a promptcall event stream to its end and returns the full text; `onDelta` sees each delta
 * and the text so far (e.g. to paint it). Errors as in {@link readEventStream}.
 *
 * @example
 * const text = await streamText(await fetch("/chat"), (_, soFar) => (output.textContent = soFar));
 */
export async function streamText(
  response: Response,
  onDelta?: (delta: string, text: string) => void,
  options: ReadEventStreamOptions = {},
): Promise<string> {
  let text = "";
  for await (const event of readEventStream(response, options)) {
    if (event.type !== "text") continue;
    text += event.delta;
    onDelta?.(event.delta, text);
  }
  return text;
}
