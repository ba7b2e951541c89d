// Bedrock's error mapping and messages (a failed response, an exception in a stream, a broken frame,
// missing credentials): lazy, loaded with the request extras (seams.ts) when a call fails, so a healthy
// plain call never loads the error classes.
import { APIError, AuthenticationError } from "../../errors/index.ts";
import { ParseError } from "../../errors/index.ts";
import { PromptcallError } from "../../errors/index.ts";
import { StreamError } from "../../errors/index.ts";
import { apiErrorFromResponse } from "../../http/api-error-from-response.ts";
import type { FrameFailure } from "./event-stream-decoder.ts";
import type { MessageBuilder } from "./message-builder.ts";

export { invalidEventError } from "../../web-streams/invalid-event-error.ts";
export { readFailure } from "../../web-streams/sse-errors.ts";

/**
 * Exceptions a ConverseStream may carry that a new call may get past: the stream exceptions of
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStreamOutput.html
 * (500, 424, 503, 429); only `validationException` (400) is the request's fault.
 */
const RETRYABLE_EXCEPTIONS = new Set([
  "internalServerException",
  "modelStreamErrorException",
  "serviceUnavailableException",
  "throttlingException",
]);

const ADVICE = "In browsers and Workers there is no environment: pass them, or an endpoint of a proxy that signs requests.";

/** The error for a call without credentials, an API key or a proxy endpoint. */
export function missingCredentials(): AuthenticationError {
  return new AuthenticationError(
    "No AWS credentials for Bedrock: pass client: { accessKeyId, secretAccessKey, sessionToken? } or an API key " +
      "(client: { apiKey }), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_BEARER_TOKEN_BEDROCK). " +
      ADVICE,
    { status: 0, provider: "bedrock", isRetryable: false },
  );
}

/** The error for a call without a region (and without an endpoint). */
export function missingRegion(): PromptcallError {
  return new PromptcallError(`No AWS region for Bedrock: pass client: { region } or set AWS_REGION. ${ADVICE}`);
}

/**
 * Maps a failed Bedrock Runtime response to a typed error. The error's name is the
 * `x-amzn-errortype` header up to its first ":" (e.g. "ThrottlingException" from
 * "ThrottlingException:http://internal.amazon.com/coral/…"), else the body's `__type` after its "#";
 * the message is the body's `message` (or `Message`). The class follows the status (429 →
 * `RateLimitError`, 403 → `AuthenticationError` …), and the request id comes from `x-amzn-requestid`.
 */
export function responseError(response: Response, bodyText: string, secrets: readonly string[]): APIError {
  const body = readBody(bodyText);
  const header = response.headers.get("x-amzn-errortype")?.split(":")[0];
  const type = header || (typeof body?.__type === "string" ? body.__type.split("#").pop() : undefined) || undefined;
  const message = typeof body?.message === "string" ? body.message : typeof body?.Message === "string" ? body.Message : undefined;
  return apiErrorFromResponse({ provider: "bedrock", response, bodyText, secrets, message, type, code: type });
}

/** The `APIError` for a 2xx body that is not a Converse response (no `output`): an error body, or something else. */
export function bodyError(raw: unknown): APIError {
  const body = (typeof raw === "object" && raw) || {};
  const { message, Message } = body as { message?: unknown; Message?: unknown };
  const text = typeof message === "string" ? message : typeof Message === "string" ? Message : undefined;
  return new APIError(
    `bedrock returned HTTP 200 without a Converse response${text ? `: ${text}` : ""}. Check the endpoint (a proxy's baseURL).`,
    { status: 200, provider: "bedrock", body: raw },
  );
}

function readBody(text: string): Record<string, unknown> | undefined {
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The `StreamError` for an exception message in the stream (`:message-type` "exception" with its
 * `:exception-type`, or an unmodeled "error" with `:error-code` and `:error-message`), keeping what arrived.
 */
export function streamException(type: string, message: string | undefined, payload: unknown, builder: MessageBuilder): StreamError {
  const retryable = RETRYABLE_EXCEPTIONS.has(type);
  return new StreamError(
    `Bedrock reported ${type} in the middle of the stream${message ? `: ${message.replace(/[.\s]+$/, "")}` : ""}. ` +
      "The text received so far is on the error's `content` and the content blocks on `partial`; " +
      (retryable ? "making the call again may succeed." : "check the request."),
    {
      provider: "bedrock",
      content: builder.text,
      partial: { content: builder.snapshot() },
      body: payload,
      code: type,
      type,
      isRetryable: retryable,
    },
  );
}

/** The `ParseError` for bytes that are not a valid event-stream message (bad CRC, bad length, cut off). */
export function frameError(failure: FrameFailure, builder: MessageBuilder): ParseError {
  const hex = Array.from(failure.bytes, (b) => b.toString(16).padStart(2, "0")).join(" ");
  return new ParseError(
    `The Bedrock event stream is corrupt at byte ${failure.offset}: ${failure.reason}. The body is not a valid ` +
      "application/vnd.amazon.eventstream (or was damaged in transit); retry the call. `raw` has the message's first " +
      `bytes in hex; the text received before it (${builder.text.length} characters) reached the stream.`,
    { raw: hex },
  );
}

/** The `ParseError` for a message whose `:message-type` is none of event, exception and error. */
export function unknownMessage(messageType: unknown): ParseError {
  return new ParseError(
    `Bedrock sent an event-stream message of type ${JSON.stringify(messageType)} (expected "event", "exception" or "error"). ` +
      "Check that the endpoint is Bedrock Runtime's ConverseStream.",
    { raw: String(messageType) },
  );
}

/** The `StreamError` for a body that ends before `messageStop`. */
export function truncated(started: boolean, builder: MessageBuilder): StreamError {
  return new StreamError(
    started
      ? "The Bedrock stream ended before `messageStop`: the connection was probably cut. The text received so far is on `content`; retry the call."
      : "The Bedrock response body had no `messageStart` event: it is not a ConverseStream body. Check the client's endpoint.",
    { provider: "bedrock", content: builder.text, partial: { content: builder.snapshot() }, isRetryable: started },
  );
}
