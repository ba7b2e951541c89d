import type { HeaderReader } from "../../core/retry-after";
import { apiErrorFromResponse } from "../../errors/api-error-from-response";
import type { APIError } from "../../errors/api-error";

interface Envelope {
  message?: string;
  type?: string;
  code?: string;
  param?: string;
}

/**
 * Builds the `toError` hook: OpenAI's `{ error: { message, type, param, code } }` body becomes the
 * matching `APIError` subclass (status-based) with `type`, `code`, `param` and the `x-request-id`.
 * A 429 with `insufficient_quota` is not retryable: waiting does not add credit.
 */
export function createToError(provider: string) {
  return (response: Response, bodyText: string, secrets: readonly string[]): APIError => {
    const envelope = readEnvelope(bodyText);
    const quota = envelope.code === "insufficient_quota" || envelope.type === "insufficient_quota";
    return apiErrorFromResponse({
      provider,
      response,
      bodyText,
      secrets,
      ...envelope,
      ...(quota ? { headers: noRetry(response.headers) } : {}),
    });
  };
}

function readEnvelope(text: string): Envelope {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {};
  }
  const error = typeof body === "object" && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error !== "object" || error === null) return {};
  const e = error as Record<string, unknown>;
  const out: Envelope = {};
  if (typeof e.message === "string" && e.message) out.message = e.message;
  if (typeof e.type === "string" && e.type) out.type = e.type;
  if (typeof e.code === "string" && e.code) out.code = e.code;
  else if (typeof e.code === "number") out.code = String(e.code);
  if (typeof e.param === "string" && e.param) out.param = e.param;
  return out;
}

/** The response's headers with `x-should-retry: false`, which the error builder honours. */
function noRetry(headers: Headers): HeaderReader {
  return { get: (name) => (name.toLowerCase() === "x-should-retry" ? "false" : headers.get(name)) };
}
