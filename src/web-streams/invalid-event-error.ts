import { ParseError } from "../errors/index.ts";
import type { InvalidEventData } from "./event-json.ts";

/** The most of an event's text a `ParseError` keeps on `raw`. */
const MAX_RAW = 2048;

/**
 * The `ParseError` for a stream event whose data is not a JSON object (see `parseEventJson`): the
 * same message for every provider, naming the event when it had a name; the text (cut at 2 KB) is on `raw`.
 */
export function invalidEventError(provider: string, invalid: InvalidEventData, eventName?: string): ParseError {
  const what = invalid.cause === undefined ? "is not a JSON object" : "is not valid JSON";
  const data = invalid.data;
  return new ParseError(
    `${provider} sent a stream event${eventName ? ` "${eventName}"` : ""} whose data ${what}; the raw text is on \`raw\`.`,
    { raw: data.length > MAX_RAW ? `${data.slice(0, MAX_RAW)}…` : data, cause: invalid.cause },
  );
}
