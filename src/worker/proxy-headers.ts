import type { ProxyProviderSpec } from "./proxy-providers.ts";

/**
 * Client headers never forwarded: credentials (the proxy sets the key itself), hop-by-hop headers,
 * and browser context that could make the provider treat the call as a browser request.
 */
const DROPPED = new Set([
  "authorization",
  "x-api-key",
  "x-goog-api-key",
  "api-key",
  "cookie",
  "host",
  "content-length",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "proxy-authorization",
  "proxy-connection",
  "origin",
  "referer",
  "accept-encoding",
  "anthropic-dangerous-direct-browser-access",
]);
const DROPPED_PREFIXES = ["sec-", "cf-", "x-forwarded-", "access-control-"];

/** Upstream response headers passed back to the client (besides the body, status and content type). */
const PASSED_BACK = ["content-type", "x-request-id", "request-id", "x-goog-request-id", "retry-after", "retry-after-ms"];
const PASSED_BACK_PREFIXES = ["x-ratelimit-", "anthropic-ratelimit-"];

/** The headers of the upstream request: the client's, minus the dropped ones, plus the provider's key. */
export function upstreamHeaders(incoming: Headers, spec: ProxyProviderSpec, apiKey: string): Headers {
  const headers = new Headers(spec.defaultHeaders);
  incoming.forEach((value, name) => {
    if (DROPPED.has(name) || DROPPED_PREFIXES.some((p) => name.startsWith(p))) return;
    headers.set(name, value);
  });
  for (const [name, value] of Object.entries(spec.authHeaders(apiKey))) headers.set(name, value);
  return headers;
}

/** The headers sent back to the client: content type, request ids and rate-limit hints, plus CORS. */
export function downstreamHeaders(upstream: Headers, allowOrigin: string | undefined): Headers {
  const headers = new Headers();
  upstream.forEach((value, name) => {
    if (PASSED_BACK.includes(name) || PASSED_BACK_PREFIXES.some((p) => name.startsWith(p))) headers.set(name, value);
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
