// Lazy seam `failures`: Gemini's error mapping and messages (a failed response, a failed stream, a
// missing key), loaded only when a call fails, so a healthy call never loads the error classes.
import type { HeaderReader } from "../../http/retry-after.ts";
import { apiErrorFromResponse } from "../../http/api-error-from-response.ts";
import { APIError, AuthenticationError } from "../../errors/index.ts";
import { StreamError } from "../../errors/index.ts";
import { missingKeyError } from "../../http/missing-key-error.ts";
import type { GoogleErrorBody } from "./api.ts";

export { invalidEventError } from "../../web-streams/invalid-event-error.ts";
export { promptBlockedError } from "./check-prompt-feedback.ts";

/** The error for a call without a Gemini API key. */
export const missingKey = () => missingKeyError({ provider: "google", key: "Gemini API key", envs: ["GEMINI_API_KEY", "GOOGLE_API_KEY"] });

type Detail = NonNullable<GoogleErrorBody["error"]["details"]>[number];

/**
 * Maps a failed Gemini response to the right `APIError` subclass. Google's envelope
 * `{ error: { code, message, status, details } }` (an array of it from some streaming endpoints) gives
 * the message and `type` (the status, e.g. "RESOURCE_EXHAUSTED"). Gemini sends no Retry-After header:
 * the wait is a `google.rpc.RetryInfo` detail (`retryDelay: "13s"`), which becomes `retryAfterMs` so the
 * retry logic waits as asked. A `QuotaFailure` on a per-day quota is marked not retryable.
 * A rejected key comes as HTTP 400 INVALID_ARGUMENT with an `ErrorInfo` reason `API_KEY_INVALID`
 * ("API key not valid. Please pass a valid API key.", https://firebase.google.com/docs/ai-logic/error-codes):
 * that is an `AuthenticationError`, not a bad request.
 */
export function responseError(response: Response, bodyText: string, secrets: readonly string[]): APIError {
  const details = readDetails(bodyText);
  const delayMs = retryDelayMs(details);
  const perDay = details.some(isPerDayQuota);
  const headers: HeaderReader = {
    get(name: string): string | null {
      const value = response.headers.get(name);
      if (value !== null) return value;
      const lower = name.toLowerCase();
      if (lower === "retry-after-ms" && delayMs !== undefined) return String(delayMs);
      if (lower === "x-should-retry" && perDay) return "false";
      return null;
    },
  };
  const error = apiErrorFromResponse({ provider: "google", response, headers, bodyText, secrets });
  return details.some(isInvalidApiKey) ? invalidKeyError(error) : error;
}

function isInvalidApiKey(detail: Detail): boolean {
  return String(detail["@type"] ?? "").endsWith("google.rpc.ErrorInfo") && detail.reason === "API_KEY_INVALID";
}

/** The same error as an `AuthenticationError` whose advice is about the key (message and body are already redacted). */
function invalidKeyError(error: APIError): AuthenticationError {
  const detail = (error.body as Partial<GoogleErrorBody> | undefined)?.error?.message ?? "API key not valid";
  return new AuthenticationError(
    `google returned HTTP ${error.status} (API_KEY_INVALID): ${detail.replace(/[.\s]+$/, "")}. Check the API key ` +
      "(client.apiKey, or the GEMINI_API_KEY / GOOGLE_API_KEY environment variable)." +
      (error.requestId ? ` Request id: ${error.requestId}.` : ""),
    {
      status: error.status,
      provider: error.provider,
      body: error.body,
      requestId: error.requestId,
      isRetryable: false,
      code: "API_KEY_INVALID",
      type: error.type,
    },
  );
}

/** The `details` of Google's error envelope, or [] when the body is not one. */
export function readDetails(bodyText: string): Detail[] {
  try {
    const parsed = JSON.parse(bodyText) as unknown;
    const root = (Array.isArray(parsed) ? parsed[0] : parsed) as Partial<GoogleErrorBody> | undefined;
    const details = root?.error?.details;
    return Array.isArray(details) ? details.filter((d) => typeof d === "object" && d !== null) : [];
  } catch {
    return [];
  }
}

/** `RetryInfo.retryDelay` in milliseconds: a protobuf Duration in JSON ("13s", "0.5s", "45.837906927s"). */
export function retryDelayMs(details: readonly Detail[]): number | undefined {
  for (const detail of details) {
    if (!String(detail["@type"] ?? "").endsWith("google.rpc.RetryInfo")) continue;
    const delay = detail.retryDelay;
    if (typeof delay === "string") {
      const match = /^(\d+(?:\.\d+)?)s$/.exec(delay.trim());
      if (match) return Math.ceil(Number(match[1]) * 1000);
    } else if (typeof delay === "object" && delay !== null) {
      const { seconds, nanos } = delay as { seconds?: number | string; nanos?: number };
      const ms = Number(seconds ?? 0) * 1000 + Number(nanos ?? 0) / 1e6;
      if (Number.isFinite(ms)) return Math.ceil(ms);
    }
  }
  return undefined;
}

function isPerDayQuota(detail: Detail): boolean {
  if (!String(detail["@type"] ?? "").endsWith("google.rpc.QuotaFailure")) return false;
  const violations = Array.isArray(detail.violations) ? (detail.violations as Array<Record<string, unknown>>) : [];
  return violations.some((v) => /PerDay/i.test(String(v.quotaId ?? "")));
}

/** Error statuses for which making the call again may succeed. */
const RETRYABLE_STATUSES = new Set(["RESOURCE_EXHAUSTED", "UNAVAILABLE", "INTERNAL", "DEADLINE_EXCEEDED"]);

/** The `APIError` for a 2xx body that is Google's error envelope instead of a response. */
export function bodyError(raw: GoogleErrorBody): APIError {
  const { code, message, status } = raw.error;
  const what = [status, code].filter((v) => v !== undefined).join(" ");
  return new APIError(`google returned HTTP 200 with an error${what ? ` (${what})` : ""}: ${message ?? "no message"}.`, {
    status: 200,
    provider: "google",
    body: raw,
    code: code === undefined ? undefined : String(code),
    type: status,
    isRetryable: (status !== undefined && RETRYABLE_STATUSES.has(status)) || code === 429 || (code ?? 0) >= 500,
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
