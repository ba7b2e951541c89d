export { isRetryableStatus } from "../errors/retryable-status.ts";

/** Anything with a case-insensitive `get(name)`, like `Headers`. */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * How long a response asks the client to wait, in milliseconds: `retry-after-ms` (milliseconds)
 * first, then `retry-after` as seconds or as an HTTP date (relative to `now`, never negative).
 * Undefined when neither header is present or readable.
 *
 * @example parseRetryAfter(new Headers({ "retry-after": "2" })) // 2000
 */
export function parseRetryAfter(headers: HeaderReader, now: number = Date.now()): number | undefined {
  const ms = parseNumber(headers.get("retry-after-ms"));
  if (ms !== undefined) return ms;
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  const seconds = parseNumber(value);
  if (seconds !== undefined) return seconds * 1000;
  // HTTP dates always contain letters (day and month names); plain numbers were handled above.
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseNumber(value: string | null | undefined): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}
