import { encodeSseEvent } from "./encode-sse-event.ts";
import { iterateSource } from "./read-stream.ts";
import type { SseEvent } from "./sse-decoder.ts";
import { toReadableStream } from "./to-readable-stream.ts";
import { wholeCodePoints } from "./whole-code-points.ts";

/**
 * A `Response` streaming `text` as UTF-8 (`content-type: text/plain; charset=utf-8` unless `init`
 * sets one). Cancelling the body (the client went away) cancels `text`'s source.
 *
 * @example
 * export default { fetch: async () => textResponse(stream.textStream()) };
 */
export function textResponse(text: ReadableStream<string> | AsyncIterable<string>, init?: ResponseInit): Response {
  return streamResponse(wholeCodePoints(iterateSource(text)), (piece) => piece, init, {
    "content-type": "text/plain; charset=utf-8",
  });
}

/**
 * A `Response` streaming `events` as Server-Sent Events (`content-type: text/event-stream`,
 * `cache-control: no-cache` unless `init` sets them). Cancelling the body cancels the source.
 */
export function eventStreamResponse(events: ReadableStream<SseEvent> | AsyncIterable<SseEvent>, init?: ResponseInit): Response {
  return streamResponse(iterateSource(events), encodeSseEvent, init, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
  });
}

function streamResponse<T>(
  source: AsyncIterable<T>,
  toText: (item: T) => string,
  init: ResponseInit | undefined,
  defaults: Record<string, string>,
): Response {
  const headers = new Headers(init?.headers);
  for (const [name, value] of Object.entries(defaults)) if (!headers.has(name)) headers.set(name, value);
  const encoder = new TextEncoder();
  async function* bytes(): AsyncGenerator<Uint8Array> {
    for await (const item of source) {
      const text = toText(item);
      if (text !== "") yield encoder.encode(text);
    }
  }
  return new Response(toReadableStream(bytes), { ...init, headers });
}
