// Lazy seam `failures`: the OpenAI provider's error mapping and messages (a failed response, a 200
// body that is an error, a failed stream, a missing key, a key in a web page), loaded only when a
// call fails, so a healthy call never loads the error classes or their messages.
import { APIError } from "../../errors/index.ts";
import { ParseError } from "../../errors/index.ts";
import { StreamError } from "../../errors/index.ts";
import { apiErrorFromResponse } from "../../http/api-error-from-response.ts";
import { missingKeyError } from "../../http/missing-key-error.ts";
import type { HeaderReader } from "../../http/retry-after.ts";
import type { OpenAIProviderSettings } from "./provider-settings.ts";
import type { ToolCallAssembler } from "./tool-call-assembler.ts";

export { invalidEventError } from "../../web-streams/invalid-event-error.ts";
import { checkBrowserKey } from "./browser-guard.ts";

/**
 * The error for a call to the provider's own API without an explicit key: `BrowserApiKeyError` from
 * a web page (`page`), else the missing-key `AuthenticationError`.
 */
export function keyError(settings: OpenAIProviderSettings, page: boolean): APIError {
  if (page) checkBrowserKey({ provider: settings.name, isBrowser: true, explicitApiKey: false, targetsProviderApi: true });
  return missingKey(settings);
}

/** The error for a call to the provider's own API with no key. */
export function missingKey(settings: OpenAIProviderSettings): APIError {
  const envs = settings.apiKeyEnv ? [settings.apiKeyEnv] : [];
  return missingKeyError({ provider: settings.name, key: `${settings.name} API key`, envs });
}

/**
 * The error for a 2xx body that is not a response: not a JSON object (`ParseError`), or an error
 * envelope (`error`, its error object) without `choices` or `output` (some OpenAI-compatible servers
 * answer errors with HTTP 200).
 */
export function bodyError(raw: unknown, provider: string, error: Record<string, unknown> | undefined): Error | undefined {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return new ParseError(`${provider} answered with JSON that is not a response object.`, { raw: JSON.stringify(raw) });
  }
  // A Responses API response with status "failed" carries its error beside its (empty) output.
  if (!error || "choices" in raw || ("output" in raw && (raw as { status?: unknown }).status !== "failed")) return undefined;
  const detail = stringOf(error.message)?.replace(/[.\s]+$/, "") ?? "no message";
  const fields = { code: stringOf(error.code), type: stringOf(error.type ?? error.status), param: stringOf(error.param) };
  return new APIError(`${provider} returned HTTP 200 with an error: ${detail}.`, { status: 200, provider, body: raw, ...fields });
}

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
export function responseErrorFor(provider: string) {
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

const RETRYABLE = /server_error|overloaded|rate_limit|timeout|unavailable/i;

/** A `StreamError` for an error event received after a 2xx response, keeping what arrived before it. */
export function streamError(args: {
  provider: string;
  message: unknown;
  code?: unknown;
  type?: unknown;
  body: unknown;
  content: string;
  partial?: unknown;
}): StreamError {
  const detail = typeof args.message === "string" && args.message ? args.message.replace(/[.\s]+$/, "") : "unknown error";
  const code = stringOf(args.code);
  const type = stringOf(args.type);
  return new StreamError(
    `${args.provider} reported an error mid-stream: ${detail}${code ? ` (${code})` : ""}. ` +
      "The text received before it is on `content`; calling again may succeed.",
    {
      provider: args.provider,
      content: args.content,
      partial: args.partial,
      body: args.body,
      code,
      type,
      isRetryable: RETRYABLE.test(`${code ?? ""} ${type ?? ""}`),
    },
  );
}

/**
 * The `StreamError` for a Chat Completions error event: `error` is the payload's error object (without
 * one, the event's text is the message); the calls still being assembled go on `partial`.
 */
export function chatStreamError(
  provider: string,
  error: Record<string, unknown> | undefined,
  data: string,
  body: unknown,
  content: string,
  calls: ToolCallAssembler | undefined,
): StreamError {
  const e = error ?? { message: data };
  const partial = { toolCalls: [...(calls?.open.values() ?? [])].map((call) => ({ ...call })) };
  return streamError({ provider, message: e.message, code: e.code, type: e.type, body, content, partial });
}

/** A non-empty string, or a number as text; undefined otherwise. */
export function stringOf(value: unknown): string | undefined {
  if (typeof value === "string" && value) return value;
  return typeof value === "number" ? String(value) : undefined;
}
