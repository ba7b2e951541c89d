import { isRetryableStatus, parseRetryAfter, type HeaderReader } from "./retry-after.ts";
import { APIError, type APIErrorInit } from "../errors/index.ts";
import { AuthenticationError } from "../errors/index.ts";
import { BadRequestError } from "../errors/index.ts";
import { InternalServerError } from "../errors/index.ts";
import { NotFoundError } from "../errors/index.ts";
import { OverloadedError } from "../errors/index.ts";
import { RateLimitError } from "../errors/index.ts";
import { redactDeep, redactSecrets } from "../errors/redact-secrets.ts";

/** What `apiErrorFromResponse` needs; a provider passes what it read from its own error envelope. */
export interface ApiErrorFromResponseInit {
  /** The provider's name, e.g. "openai". */
  provider: string;
  /** The failed response: its status and headers are used unless `status` / `headers` are given. */
  response?: Response;
  status?: number;
  headers?: HeaderReader | Record<string, string>;
  /** The body, parsed or as text. When missing, `bodyText` is parsed as JSON where possible. */
  body?: unknown;
  bodyText?: string;
  /** The provider's own message; read from common envelopes (`error.message`, `message`) when missing. */
  message?: string;
  code?: string | number;
  type?: string;
  param?: string;
  /** Values that must never appear in the error (API keys); they are replaced by "[redacted]". */
  secrets?: readonly (string | undefined)[];
  cause?: unknown;
}

type ApiErrorClass = new (message: string, init: APIErrorInit) => APIError;

const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-goog-request-id", "x-amzn-requestid", "cf-ray"];
const MAX_DETAIL = 500;

/**
 * Builds the right `APIError` subclass for a non-2xx response: 401/403 → `AuthenticationError`,
 * 429 → `RateLimitError`, 400/422 → `BadRequestError`, 404 → `NotFoundError`, 503/529 →
 * `OverloadedError`, other 5xx → `InternalServerError`, anything else → `APIError`. It reads the
 * request id and Retry-After from the headers and redacts every secret from message and body.
 */
export function apiErrorFromResponse(init: ApiErrorFromResponseInit): APIError {
  const secrets = init.secrets ?? [];
  const status = init.status ?? init.response?.status ?? 0;
  const headers = toReader(init.headers ?? init.response?.headers);
  const body = init.body !== undefined ? redactDeep(init.body, secrets) : parseBody(init.bodyText, secrets);
  const envelope = readEnvelope(body);
  const rawCode = init.code ?? envelope.code;
  // Google repeats the HTTP status as `error.code`; that says nothing new.
  const code = rawCode === status ? undefined : stringOrUndefined(rawCode);
  const requestId = readRequestId(headers, body);
  // Redact before shortening, so a cut can never leave part of a secret behind.
  const detail = shorten(redactSecrets(init.message ?? envelope.message ?? "", secrets));
  const ErrorClass = errorClassFor(status);
  const message = redactSecrets(describe(init.provider, status, code, detail, requestId), secrets);
  return new ErrorClass(message, {
    status,
    provider: init.provider,
    body,
    requestId,
    isRetryable: readShouldRetry(headers) ?? (isRetryableStatus(status) && code !== "insufficient_quota"),
    retryAfterMs: headers ? parseRetryAfter(headers) : undefined,
    code: code === undefined ? undefined : redactSecrets(code, secrets),
    type: optionalRedacted(init.type ?? envelope.type, secrets),
    param: optionalRedacted(init.param ?? envelope.param, secrets),
    ...("cause" in init ? { cause: init.cause } : {}),
  });
}

function errorClassFor(status: number): ApiErrorClass {
  if (status === 401 || status === 403) return AuthenticationError;
  if (status === 429) return RateLimitError;
  if (status === 400 || status === 422) return BadRequestError;
  if (status === 404) return NotFoundError;
  if (status === 503 || status === 529) return OverloadedError;
  if (status >= 500 && status <= 599) return InternalServerError;
  return APIError;
}

function advice(status: number, code: string | undefined): string {
  if (code === "insufficient_quota") return "Check the account's plan and billing; retrying will not help.";
  if (status === 401) return "Check the API key (client.apiKey or the provider's API key environment variable).";
  if (status === 403) return "Check that the API key is allowed to use this model or endpoint.";
  if (status === 429) return "Slow down or raise your limits; retries (the `retry` option) wait as the provider asks.";
  if (status === 400 || status === 422) return "Check the call's parameters, messages and tools.";
  if (status === 404) return "Check the model name and the client's baseURL.";
  if (status >= 500) return "The provider had a problem; retrying later may succeed.";
  return "See the error's `body` for the provider's details.";
}

function describe(provider: string, status: number, code: string | undefined, detail: string, id?: string): string {
  const head = `${provider} returned HTTP ${status}${code ? ` (${code})` : ""}`;
  const text = detail ? `${head}: ${detail.replace(/[.\s]+$/, "")}.` : `${head}.`;
  return `${text} ${advice(status, code)}${id ? ` Request id: ${id}.` : ""}`;
}

function parseBody(text: string | undefined, secrets: readonly (string | undefined)[]): unknown {
  if (text === undefined || text === "") return undefined;
  const clean = redactSecrets(text, secrets);
  try {
    return JSON.parse(clean);
  } catch {
    return clean;
  }
}

interface Envelope {
  message?: string;
  code?: unknown;
  type?: string;
  param?: string;
}

/** Reads `{ error: { message, code, type|status, param } }`, `{ error: "..." }`, `{ message }` or plain text. */
function readEnvelope(body: unknown): Envelope {
  if (typeof body === "string") return { message: body };
  const root = Array.isArray(body) ? body[0] : body;
  if (!isRecord(root)) return {};
  const error = root.error;
  if (typeof error === "string") return { message: error };
  const source = isRecord(error) ? error : root;
  return {
    message: stringOrUndefined(source.message),
    code: source.code,
    type: stringOrUndefined(source.type ?? source.status),
    param: stringOrUndefined(source.param),
  };
}

function readRequestId(headers: HeaderReader | undefined, body: unknown): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers?.get(name);
    if (value) return value;
  }
  return isRecord(body) ? stringOrUndefined(body.request_id) : undefined;
}

/** OpenAI and Anthropic send `x-should-retry: true|false` to override the status-based guess. */
function readShouldRetry(headers: HeaderReader | undefined): boolean | undefined {
  const value = headers?.get("x-should-retry");
  return value === "true" ? true : value === "false" ? false : undefined;
}

function toReader(headers: HeaderReader | Record<string, string> | undefined): HeaderReader | undefined {
  if (!headers) return undefined;
  if (typeof (headers as HeaderReader).get === "function") return headers as HeaderReader;
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
  return { get: (name) => lower.get(name.toLowerCase()) ?? null };
}

function shorten(text: string): string {
  // An HTML error page from a proxy: keep its words, not its markup.
  const words = /^\s*</.test(text) ? text.replace(/<(script|style)[\s\S]*?<\/\1>|<[^>]*>/gi, " ") : text;
  const flat = words.replace(/\s+/g, " ").trim();
  return flat.length > MAX_DETAIL ? `${flat.slice(0, MAX_DETAIL)}…` : flat;
}

function stringOrUndefined(value: unknown): string | undefined {
  if (typeof value === "string") return value || undefined;
  return typeof value === "number" && Number.isFinite(value) ? String(value) : undefined;
}

function optionalRedacted(value: string | undefined, secrets: readonly (string | undefined)[]): string | undefined {
  return value === undefined ? undefined : redactSecrets(value, secrets);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
