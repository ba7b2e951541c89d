// The errors of a Gemini stream, imported only when a stream fails, so a healthy stream never loads
// the error classes or their messages.
import { ParseError } from "../../errors/parse-error.ts";
import { StreamError } from "../../errors/stream-error.ts";
import type { GoogleErrorBody } from "./api.ts";

/** Error statuses for which making the call again may succeed. */
const RETRYABLE_STATUSES = new Set(["RESOURCE_EXHAUSTED", "UNAVAILABLE", "INTERNAL", "DEADLINE_EXCEEDED"]);

/** The `ParseError` for event data that is not JSON (`cause` set) or not a JSON object. */
export function invalidEvent(data: string, cause: unknown): ParseError {
  if (cause === undefined) {
    return new ParseError("google sent a stream event that is not a JSON object; the raw text is on `raw`.", { raw: data });
  }
  return new ParseError("google sent a stream event that is not valid JSON; the raw text is on the error's `raw` property.", {
    raw: data,
    cause,
  });
}

/** The `StreamError` for an error event, with the text received so far. */
export function streamError(raw: GoogleErrorBody, content: string): StreamError {
  const { code, message, status } = raw.error;
  const what = [status, code].filter((v) => v !== undefined).join(" ");
  return new StreamError(
    `google reported an error mid-stream${what ? ` (${what})` : ""}: ${message ?? "no message"}. ` +
      "The text received so far is on the error's `content`; make the call again.",
    {
      provider: "google",
      content,
      body: raw,
      code: code === undefined ? undefined : String(code),
      type: status,
      isRetryable: (status !== undefined && RETRYABLE_STATUSES.has(status)) || code === 429 || (code ?? 0) >= 500,
    },
  );
}
