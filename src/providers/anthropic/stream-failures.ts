// The errors of an Anthropic stream, imported only when a stream fails, so a healthy stream never
// loads the error classes or their messages.
import { ParseError } from "../../errors/parse-error.ts";
import { StreamError } from "../../errors/stream-error.ts";
import type { AnthropicErrorEvent } from "./api.ts";
import type { MessageBuilder } from "./message-builder.ts";

/** Error types for which making the call again may succeed. */
const RETRYABLE_ERRORS = new Set(["overloaded_error", "api_error", "rate_limit_error", "timeout_error"]);

/** The `ParseError` for an event whose data is not JSON (`cause` set) or not a JSON object. */
export function invalidEvent(data: string, name: string | undefined, cause: unknown): ParseError {
  if (cause === undefined) {
    return new ParseError("Anthropic sent a stream event whose data is not a JSON object; the raw text is on `raw`.", { raw: data });
  }
  return new ParseError(
    `Anthropic sent a stream event${name ? ` "${name}"` : ""} whose data is not valid JSON; the raw text is on \`raw\`.`,
    { raw: data, cause },
  );
}

/** The `StreamError` for an `error` event, keeping what arrived. */
export function streamError(event: AnthropicErrorEvent, builder: MessageBuilder): StreamError {
  const type = event.error?.type ?? "error";
  const detail = event.error?.message ? `: ${event.error.message}` : "";
  return new StreamError(
    `Anthropic reported an error in the middle of the stream (${type})${detail}. The text received so far is on ` +
      "the error's `content` and the content blocks on `partial`; " +
      (RETRYABLE_ERRORS.has(type) ? "making the call again may succeed." : "check the request."),
    {
      provider: "anthropic",
      content: builder.text,
      partial: { content: builder.snapshot() },
      body: event,
      code: type,
      type,
      isRetryable: RETRYABLE_ERRORS.has(type),
    },
  );
}

/** The `StreamError` for a body that ends before `message_stop`. */
export function truncated(started: boolean, builder: MessageBuilder): StreamError {
  return new StreamError(
    started
      ? "The Anthropic stream ended before `message_stop`: the connection was probably cut. The text received so far is on `content`; retry the call."
      : "The Anthropic response body had no `message_start` event: it is not a Messages API stream. Check the client's baseURL.",
    { provider: "anthropic", content: builder.text, partial: { content: builder.snapshot() }, isRetryable: started },
  );
}
