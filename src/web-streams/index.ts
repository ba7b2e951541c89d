// Internal barrel for the web-streams layer: bytes → events, streams ↔ iterables, Responses.
export { createSseDecoder, DEFAULT_MAX_LINE_LENGTH } from "./sse-decoder";
export type { SseDecoder, SseEvent } from "./sse-decoder";
export { sseEvents } from "./sse-events";
export type { SseEventsOptions } from "./sse-events";
export { cancelOnAbort, iterateSource, iterateStream, releaseReader } from "./read-stream";
export { toReadableStream } from "./to-readable-stream";
export type { ToReadableStreamOptions } from "./to-readable-stream";
export { encodeSseEvent } from "./encode-sse-event";
export { eventStreamResponse, textResponse } from "./response";
