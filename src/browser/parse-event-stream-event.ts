import type { SseEvent } from "../web-streams/sse-decoder.ts";
import { decodeEventStreamEvent } from "./decode-event-stream-event.ts";
import type { EventStreamEvent } from "./event-stream-event.ts";
import { malformedEvent } from "./read-failures.ts";

/**
 * Reads one SSE event of promptcall's format into a typed event. Returns undefined for events this
 * version does not know (newer servers may add some); throws `ParseError` for a known event whose
 * data is not the documented JSON.
 */
export function parseEventStreamEvent(event: SseEvent): EventStreamEvent | undefined {
  const decoded = decodeEventStreamEvent(event);
  if (decoded && "problem" in decoded) throw malformedEvent(decoded.type, decoded.problem, event.data, decoded.cause);
  return decoded;
}
