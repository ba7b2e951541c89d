import type { SseEvent } from "../web-streams/sse-decoder.ts";
import type { EventStreamEvent } from "./event-stream-event.ts";

/** A known event whose data is not the documented JSON: what is wrong with it. */
export interface MalformedEvent {
  type: EventStreamEvent["type"];
  problem: string;
  cause?: unknown;
}

type Usage = Extract<EventStreamEvent, { type: "usage" }>;

/**
 * Reads one SSE event of promptcall's format into a typed event, without building errors (a page
 * that reads a healthy stream loads no error class). Returns undefined for events this version
 * does not know (newer servers may add some), a {@link MalformedEvent} for a known event whose data
 * is not the documented JSON.
 */
export function decodeEventStreamEvent(event: SseEvent): EventStreamEvent | MalformedEvent | undefined {
  const type = event.event as EventStreamEvent["type"];
  if (type !== "text" && type !== "tool_call" && type !== "usage" && type !== "error" && type !== "done") return undefined;
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(event.data);
  } catch (cause) {
    return { type, problem: "is not JSON", cause };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { type, problem: "is not a JSON object" };
  // The string fields each event must have.
  for (const name of type === "text" ? ["delta"] : type === "tool_call" ? ["id", "name"] : []) {
    if (typeof data[name] !== "string") return { type, problem: `lacks a string "${name}"` };
  }
  switch (type) {
    case "text":
      return { type, delta: data.delta as string };
    case "tool_call":
      return { type, id: data.id as string, name: data.name as string, args: data.args };
    case "usage":
      return {
        type,
        usage: (data.usage ?? null) as Usage["usage"],
        cost: typeof data.cost === "number" ? data.cost : null,
        finishReasons: strings(data.finishReasons),
        commonFinishReasons: strings(data.commonFinishReasons) as Usage["commonFinishReasons"],
        model: typeof data.model === "string" ? data.model : "",
      };
    case "error":
      return {
        type,
        name: typeof data.name === "string" ? data.name : "Error",
        message: typeof data.message === "string" ? data.message : "The server reported an error without a message.",
      };
    default:
      return { type };
  }
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
