/** Event data that is not a JSON object: `cause` is the JSON error, or undefined when the JSON is not an object. */
export class InvalidEventData {
  constructor(
    readonly data: string,
    readonly cause?: unknown,
  ) {}
}

/**
 * Parses an SSE event's data as a JSON object. Bad data comes back as {@link InvalidEventData}
 * instead of a thrown error, so a healthy stream never loads the error classes: a provider turns it
 * into a `ParseError` with `invalidEventError` (from its lazily loaded failures module).
 */
export function parseEventJson<T extends object>(data: string): T | InvalidEventData {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch (cause) {
    return new InvalidEventData(data, cause);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return new InvalidEventData(data);
  return value as T;
}
