import { redactSecrets } from "../errors/redact-secrets.ts";
import type { ProxyProviderSpec } from "./proxy-providers.ts";

/**
 * Client headers forwarded: only these (plus the options' `passHeaders`). Everything else is
 * dropped — credentials (the proxy sets the key itself), account routing (`OpenAI-Organization`,
 * `OpenAI-Project`), beta switches, method overrides, `forwarded` and browser context.
 */
const PASSED = ["content-type", "accept", "anthropic-version"];

/** Upstream response headers passed back to the client (besides the body, status and content type). */
const PASSED_BACK = ["content-type", "x-request-id", "request-id", "x-goog-request-id", "retry-after", "retry-after-ms"];
const PASSED_BACK_PREFIXES = ["x-ratelimit-", "anthropic-ratelimit-"];

/** The headers of the upstream request: the allowed client headers, plus the provider's key. */
export function upstreamHeaders(incoming: Headers, spec: ProxyProviderSpec, apiKey: string, passHeaders: readonly string[] = []): Headers {
  const headers = new Headers(spec.defaultHeaders);
  const passed = new Set([...PASSED, ...passHeaders.map((name) => name.toLowerCase())]);
  passed.delete("authorization");
  incoming.forEach((value, name) => {
    if (passed.has(name)) headers.set(name, value);
  });
  for (const [name, value] of Object.entries(spec.authHeaders(apiKey))) headers.set(name, value);
  return headers;
}

/** The headers sent back to the client: content type, request ids and rate-limit hints (keys removed), plus CORS. */
export function downstreamHeaders(upstream: Headers, allowOrigin: string | undefined, secrets: readonly string[] = []): Headers {
  const headers = new Headers();
  upstream.forEach((value, name) => {
    if (PASSED_BACK.includes(name) || PASSED_BACK_PREFIXES.some((p) => name.startsWith(p)))
      headers.set(name, redactSecrets(value, secrets));
  });
  addCors(headers, allowOrigin);
  return headers;
}

/** Adds `access-control-allow-origin` (and exposes the request id and rate-limit headers) when configured. */
export function addCors(headers: Headers, allowOrigin: string | undefined): Headers {
  if (allowOrigin === undefined) return headers;
  headers.set("access-control-allow-origin", allowOrigin);
  headers.set("access-control-expose-headers", PASSED_BACK.slice(1).join(", "));
  if (allowOrigin !== "*") headers.append("vary", "origin");
  return headers;
}

/** The answer to a CORS preflight: POST with the headers the page asked for (credentials are dropped anyway). */
export function preflightResponse(request: Request, allowOrigin: string): Response {
  const headers = addCors(new Headers(), allowOrigin);
  headers.set("access-control-allow-methods", "POST, OPTIONS");
  const asked = request.headers.get("access-control-request-headers");
  headers.set("access-control-allow-headers", asked ?? "content-type");
  headers.set("access-control-max-age", "86400");
  return new Response(null, { status: 204, headers });
}
