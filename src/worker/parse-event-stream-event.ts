import { ParseError } from "../errors/parse-error.ts";
import type { SseEvent } from "../web-streams/sse-decoder.ts";
import type { EventStreamEvent } from "./event-stream-event.ts";

/**
 * Reads one SSE event of promptcall's format into a typed event. Returns undefined for events this
 * version does not know (newer servers may add some); throws `ParseError` for a known event whose
 * data is not the documented JSON.
 */
export function parseEventStreamEvent(event: SseEvent): EventStreamEvent | undefined {
  const type = event.event;
  if (type !== "text" && type !== "tool_call" && type !== "usage" && type !== "error" && type !== "done") {
    return undefined;
  }
  const data = parseData(type, event.data);
  switch (type) {
    case "text":
      return { type, delta: field(data, "delta", "string", type, event.data) };
    case "tool_call":
      return {
        type,
        id: field(data, "id", "string", type, event.data),
        name: field(data, "name", "string", type, event.data),
        args: data.args,
      };
    case "usage":
      return {
        type,
        usage: (data.usage ?? null) as Extract<EventStreamEvent, { type: "usage" }>["usage"],
        cost: typeof data.cost === "number" ? data.cost : null,
        finishReasons: stringArray(data.finishReasons),
        commonFinishReasons: stringArray(data.commonFinishReasons) as Extract<EventStreamEvent, { type: "usage" }>["commonFinishReasons"],
        model: typeof data.model === "string" ? data.model : "",
      };
    case "error":
      return {
        type,
        name: typeof data.name === "string" ? data.name : "Error",
        message: typeof data.message === "string" ? data.message : "The server reported an error without a message.",
      };
    case "done":
      return { type };
  }
}

function parseData(type: string, text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw malformed(type, "is not JSON", text, cause);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw malformed(type, "is not a JSON object", text);
  }
  return value as Record<string, unknown>;
}

function field(data: Record<string, unknown>, name: string, kind: "string", type: string, raw: string): string {
  const value = data[name];
  if (typeof value !== kind) throw malformed(type, `lacks a string "${name}"`, raw);
  return value as string;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function malformed(type: string, problem: string, raw: string, cause?: unknown): ParseError {
  return new ParseError(
    `The "${type}" event's data ${problem}. The response is not promptcall's event stream format; ` +
      "check that the server answers with toEventStreamResponse() from the same promptcall version.",
    { raw: raw.slice(0, 1024), ...(cause === undefined ? {} : { cause }) },
  );
}
