// Worker and browser integration: promptcall's SSE format (server and client) and the key-keeping proxy.
export type { EventStreamEvent } from "./event-stream-event";
export { toEventStream, toEventStreamResponse, type EventStreamSource, type ToEventStreamOptions } from "./to-event-stream";
export { readEventStream, streamText, type ReadEvent, type ReadEventStreamOptions } from "./read-event-stream";
export { parseEventStreamEvent } from "./parse-event-stream-event";
export { createProxyHandler } from "./create-proxy-handler";
export type { ProxyHandlerOptions, ProxyProviderConfig, ProxyProviderName } from "./proxy-options";
