// `promptcall/browser`: the page side of a Worker that streams with toEventStreamResponse() —
// read its event stream as typed events or as text. A few hundred bytes up front; errors load
// only when a read fails.
export type { EventStreamEvent } from "./event-stream-event.ts";
export { readEventStream, streamText, type ReadEvent, type ReadEventStreamOptions } from "./read-event-stream.ts";
export { parseEventStreamEvent } from "./parse-event-stream-event.ts";
