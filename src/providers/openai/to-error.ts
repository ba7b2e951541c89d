import type { HeaderReader } from "../../http/retry-after.ts";
import { apiErrorFromResponse } from "../../http/api-error-from-response.ts";
import type { APIError } from "../../errors/api-error.ts";

interface Envelope {
  message?: string;
  type?: string;
  code?: string;
  param?: string;
}

/**
 * Builds the `toError` hook: OpenAI's `{ error: { message, type, param, code } }` body becomes the
 * matching `APIError` subclass (status-based) with `type`, `code`, `param` and the `x-request-id`.
 * A 429 with `insufficient_quota` is not retryable: waiting does not add credit. Nor is a 429 whose
 * message begins "Request too large": one request above the per-minute token limit (OpenAI sends it
 * with the same `rate_limit_exceeded` code as a limit that was merely reached; Groq words it alike),
 * which fails again however long one waits.
 */
export function createToError(provider: string) {
  return (response: Response, bodyText: string, secrets: readonly string[]): APIError => {
    const envelope = readEnvelope(bodyText);
    const quota = envelope.code === "insufficient_quota" || envelope.type === "insufficient_quota";
    const tooLarge = response.status === 429 && /^Request too large\b/.test(envelope.message ?? "");
    return apiErrorFromResponse({
      provider,
      response,
      bodyText,
      secrets,
      ...envelope,
      ...(quota || tooLarge ? { headers: noRetry(response.headers) } : {}),
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
  if (typeof error !== "object" || error === null) return validationEnvelope(body);
  const e = error as Record<string, unknown>;
  const out: Envelope = {};
  if (typeof e.message === "string" && e.message) out.message = e.message;
  if (typeof e.type === "string" && e.type) out.type = e.type;
  if (typeof e.code === "string" && e.code) out.code = e.code;
  else if (typeof e.code === "number") out.code = String(e.code);
  if (typeof e.param === "string" && e.param) out.param = e.param;
  return out;
}

/**
 * Request-validation errors without an `error` object: Mistral sends `{ object: "error", message:
 * { detail: [{ loc, msg, ... }] }, type, code }` for a 422 (seen in real logged responses; its OpenAPI
 * spec names the `detail` list `HTTPValidationError`), some servers the bare `{ detail: [...] }`.
 * Each item becomes "body.field: msg". Flat `{ message: "...", type, code }` bodies need nothing here:
 * the shared error builder reads root-level fields.
 */
function validationEnvelope(body: unknown): Envelope {
  if (typeof body !== "object" || body === null) return {};
  const root = body as Record<string, unknown>;
  const holder = typeof root.message === "object" && root.message !== null ? root.message : root;
  const detail = (holder as { detail?: unknown }).detail;
  if (!Array.isArray(detail) || detail.length === 0) return {};
  const lines = detail.map((item: { loc?: unknown; msg?: unknown }) => {
    const loc = Array.isArray(item?.loc) ? item.loc.join(".") : "";
    const msg = typeof item?.msg === "string" ? item.msg : JSON.stringify(item);
    return loc ? `${loc}: ${msg}` : msg;
  });
  return { message: lines.join("; ") };
}

/** The response's headers with `x-should-retry: false`, which the error builder honours. */
function noRetry(headers: Headers): HeaderReader {
  return { get: (name) => (name.toLowerCase() === "x-should-retry" ? "false" : headers.get(name)) };
}
