// Internal barrel for the web-streams layer: bytes → events, streams ↔ iterables, Responses.
export { createSseDecoder, DEFAULT_MAX_LINE_LENGTH } from "./sse-decoder.ts";
export type { SseDecoder, SseEvent } from "./sse-decoder.ts";
export { sseEvents } from "./sse-events.ts";
export type { SseEventsOptions } from "./sse-events.ts";
export { cancelOnAbort, iterateSource, iterateStream, releaseReader } from "./read-stream.ts";
export { toReadableStream } from "./to-readable-stream.ts";
export type { ToReadableStreamOptions } from "./to-readable-stream.ts";
export { encodeSseEvent } from "./encode-sse-event.ts";
export { eventStreamResponse, textResponse } from "./response.ts";
