// Lazy seam `failures`: Anthropic's error mapping and messages (a failed response, a failed stream, a
// missing key), loaded only when a call fails, so a healthy call never loads the error classes.
import { APIError, StreamError } from "../../errors/index.ts";
import { apiErrorFromResponse } from "../../http/api-error-from-response.ts";
import { missingKeyError } from "../../http/missing-key-error.ts";
import type { AnthropicErrorEvent } from "./api.ts";
import type { MessageBuilder } from "./message-builder.ts";

/** Error types for which making the call again may succeed. */
const RETRYABLE_ERRORS = new Set(["overloaded_error", "api_error", "rate_limit_error", "timeout_error"]);

export { invalidEventError } from "../../web-streams/invalid-event-error.ts";

/** The error for a call without a key (and without a proxy `baseURL`). */
// The env name of client.ts's ANTHROPIC_API_KEY_ENV, written out: importing client.ts here would put it in a chunk of its own.
export const missingKey = () => missingKeyError({ provider: "anthropic", key: "Anthropic API key", envs: ["ANTHROPIC_API_KEY"] });

/**
 * Maps a failed Messages API response (https://docs.anthropic.com/en/api/errors) to a typed error:
 * the envelope `{ type: "error", error: { type, message }, request_id }` gives message and type, the
 * `request-id` header (or `request_id`) the request id, and 529 `overloaded_error` a retryable
 * `OverloadedError`.
 */
export function responseError(response: Response, bodyText: string, secrets: readonly string[]): APIError {
  const envelope = readEnvelope(bodyText);
  return apiErrorFromResponse({ provider: "anthropic", response, bodyText, secrets, message: envelope?.message, type: envelope?.type });
}

function readEnvelope(text: string): { type?: string; message?: string } | undefined {
  try {
    const body = JSON.parse(text) as { error?: { type?: unknown; message?: unknown } };
    const error = body?.error;
    if (typeof error !== "object" || error === null) return undefined;
    return {
      type: typeof error.type === "string" ? error.type : undefined,
      message: typeof error.message === "string" ? error.message : undefined,
    };
  } catch {
    return undefined;
  }
}

/** The `APIError` for a 2xx body that is an error envelope instead of a message. */
export function bodyError(body: unknown): APIError {
  const raw = body as { error?: unknown; request_id?: unknown };
  const error = (typeof raw.error === "object" && raw.error) || {};
  const { type, message } = error as { type?: unknown; message?: unknown };
  const kind = typeof type === "string" ? type : undefined;
  return new APIError(
    `anthropic returned HTTP 200 with an error${kind ? ` (${kind})` : ""}: ${typeof message === "string" ? message : "no message"}. ` +
      (kind && RETRYABLE_ERRORS.has(kind) ? "Making the call again may succeed." : "Check the request and the baseURL."),
    {
      status: 200,
      provider: "anthropic",
      body: raw,
      type: kind,
      code: kind,
      requestId: typeof raw.request_id === "string" ? raw.request_id : undefined,
      isRetryable: kind !== undefined && RETRYABLE_ERRORS.has(kind),
    },
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
