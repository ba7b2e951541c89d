import { readStream, SKIP } from "../web-streams/read-stream.ts";
import { createEventLineParser } from "./event-lines.ts";
import type { EventStreamEvent } from "./event-stream-event.ts";
import { decodeEventStreamEvent } from "./decode-event-stream-event.ts";
import { httpFailure, incomplete, invalidText, malformedEvent, noBody, readFailure, serverError, tooLong } from "./read-failures.ts";

/** Options for {@link readEventStream} and {@link streamText}. */
export interface ReadEventStreamOptions {
  /** Aborting cancels the body (and so the server's call) and rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** The events {@link readEventStream} yields: an `error` event is thrown as a `StreamError` instead. */
export type ReadEvent = Exclude<EventStreamEvent, { type: "error" }>;

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
  if (!response.ok) throw await httpFailure(response);
  if (!response.body) throw await noBody();
  let content = "";
  try {
    for await (const batch of sseBatches(response.body, options.signal)) {
      for (const sse of batch) {
        const event = decodeEventStreamEvent(sse);
        if (!event) continue;
        if ("problem" in event) throw await malformedEvent(event.type, event.problem, sse.data, event.cause);
        if (event.type === "error") throw await serverError(event.name, event.message, content, event);
        if (event.type === "text") content += event.delta;
        yield event;
        if (event.type === "done") return;
      }
    }
  } catch (error) {
    // A failed read (the connection was cut) keeps the text so far, as the other stream errors do.
    if ((error as { content?: unknown } | null)?.content === "") (error as { content: string }).content = content;
    throw error;
  }
  throw await incomplete(content);
}

/** The body's SSE events, one batch per read; failures (bad UTF-8, an endless line, a read error) load their errors lazily. */
function sseBatches(body: ReadableStream<Uint8Array>, signal?: AbortSignal) {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const parse = createEventLineParser();
  return readStream(
    body,
    signal,
    (result) => {
      let text: string;
      try {
        text = result.done ? `${decoder.decode()}\n` : decoder.decode(result.value, { stream: true });
      } catch (cause) {
        return invalidText(cause).then((error) => Promise.reject(error));
      }
      const events = parse(text);
      if (!events) return tooLong().then((error) => Promise.reject(error));
      return events.length ? events : SKIP;
    },
    (error) => (signal?.aborted ? signal.reason : readFailure(error)),
  );
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
