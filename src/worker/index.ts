// Worker and browser integration: promptcall's SSE format (server and client) and the key-keeping proxy.
export type { EventStreamEvent } from "../browser/event-stream-event.ts";
export { toEventStream, toEventStreamResponse, type EventStreamSource, type ToEventStreamOptions } from "./to-event-stream.ts";
export { readEventStream, streamText, type ReadEvent, type ReadEventStreamOptions } from "../browser/read-event-stream.ts";
export { parseEventStreamEvent } from "../browser/parse-event-stream-event.ts";
export { createProxyHandler } from "./create-proxy-handler.ts";
export type { ProxyHandlerOptions, ProxyProviderConfig, ProxyProviderName } from "./proxy-options.ts";
