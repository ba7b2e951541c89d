import { redactSecrets } from "../errors/redact-secrets.ts";
import type { ProxyHandlerOptions, ProxyProviderConfig, ProxyProviderName } from "./proxy-options.ts";
import { proxyErrorResponse } from "./proxy-error-response.ts";
import { downstreamHeaders, preflightResponse, upstreamHeaders } from "./proxy-headers.ts";
import { DEFAULT_PROXY_LIMITS, exceededLimit, isAllowedEndpoint, type ProxyLimits } from "./proxy-policy.ts";
import { PROXY_PROVIDERS, type ProxyProviderSpec } from "./proxy-providers.ts";
import { proxySecrets } from "./proxy-secrets.ts";
import { readLimitedBody } from "./read-limited-body.ts";
import { redactStream } from "./redact-stream.ts";

/** A parsed proxy route: which provider, and the upstream URL. */
interface Route {
  name: ProxyProviderName;
  config: ProxyProviderConfig;
  spec: ProxyProviderSpec;
  rest: string;
  url: URL;
}

type Fail = (status: number, type: string, message: string, extra?: Record<string, string>) => Response;

/**
 * A fetch handler that forwards provider API requests, keeping the keys on the server:
 * `POST {prefix}/{provider}/{rest}` goes to `{baseURL}/{rest}` with the provider's key added. Only
 * what a chat app needs passes: requests `authorize` accepts, JSON bodies within `maxBodyBytes`
 * sent within `bodyTimeoutMs`, the chat endpoints (or the config's `endpoints`), the config's
 * `models`, token and choice counts within `maxTokens` / `maxChoices`, and an allow-list of client
 * headers. Upstream redirects are never followed (the key would go to another origin), and keys —
 * plain, masked or base64 — are removed from error bodies (plain and base64 from good answers and
 * the headers passed back too). The request's signal reaches the upstream fetch (a closed tab stops
 * the generation) and a good answer streams back as it comes.
 *
 * @example
 * const proxy = createProxyHandler({
 *   providers: { openai: { apiKey: env.OPENAI_API_KEY, models: ["gpt-4o-mini"] } },
 *   authorize: (request) => isSignedIn(request),
 * });
 * export default { fetch: (request) => proxy(request) };
 * // in the page: openai.call({ model: "gpt-4o-mini", client: { baseURL: "https://worker.example/llm/openai", apiKey: "unused" } }, fn)
 */
export function createProxyHandler(options: ProxyHandlerOptions): (request: Request) => Promise<Response> {
  const prefix = `/${(options.prefix ?? "/llm").replace(/^\/+|\/+$/g, "")}`.replace(/^\/$/, "");
  const allowOrigin = options.allowOrigin;
  const fail: Fail = (status, type, message, extra) => proxyErrorResponse(status, type, message, allowOrigin, extra);
  const secrets = proxySecrets(Object.values(options.providers).map((p) => p?.apiKey));
  const limits: ProxyLimits = {
    maxTokens: options.maxTokens ?? DEFAULT_PROXY_LIMITS.maxTokens,
    maxChoices: options.maxChoices ?? DEFAULT_PROXY_LIMITS.maxChoices,
  };

  return async function handle(request: Request): Promise<Response> {
    const route = matchRoute(new URL(request.url), prefix, options, fail);
    if (route instanceof Response) return route;
    if (request.method === "OPTIONS" && allowOrigin !== undefined) return preflightResponse(request, allowOrigin);
    const refused = (await admit(request, options, fail)) ?? checkEndpoint(route, prefix, fail);
    if (refused) return refused;
    const body = await readBody(request, options, fail);
    if (body instanceof Response) return body;
    const rejected = checkBody(route, body, limits, fail);
    if (rejected) return rejected;
    let upstream: Response;
    try {
      upstream = await (options.fetch ?? globalThis.fetch.bind(globalThis))(route.url.href, {
        method: "POST",
        headers: upstreamHeaders(request.headers, route.spec, route.config.apiKey, options.passHeaders),
        body: body.bytes.byteLength > 0 ? body.bytes : undefined,
        signal: request.signal,
        // A redirect is never followed: the key would go wherever it points.
        redirect: "manual",
      });
    } catch (error) {
      if (request.signal.aborted) return fail(499, "client_closed", "The client closed the request.");
      const detail = redactSecrets(error instanceof Error ? error.message : String(error), secrets);
      return fail(502, "upstream_unreachable", `The proxy could not reach ${route.name} (${detail}). Retry later.`);
    }
    return relay(upstream, route, secrets, allowOrigin, fail);
  };
}

/** The checks before the body is read: method, `authorize`, the page's origin, a JSON content type. */
async function admit(request: Request, options: ProxyHandlerOptions, fail: Fail): Promise<Response | undefined> {
  if (request.method !== "POST") {
    return fail(405, "method_not_allowed", `The proxy forwards POST requests only, not ${request.method}.`, { allow: "POST" });
  }
  const verdict = options.authorize ? await options.authorize(request) : true;
  if (verdict instanceof Response) return verdict;
  if (verdict !== true) return fail(401, "unauthorized", "This proxy forwards calls for signed-in users only: sign in and try again.");
  const origin = request.headers.get("origin");
  if (origin !== null && options.allowOrigin !== undefined && options.allowOrigin !== "*" && origin !== options.allowOrigin) {
    return fail(403, "origin_not_allowed", `Requests from ${origin} are not accepted by this proxy.`);
  }
  // A text/plain POST needs no CORS preflight, so a page on any origin could send one: JSON only.
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    return fail(415, "unsupported_media_type", "The proxy accepts JSON bodies only (content-type: application/json).");
  }
  return undefined;
}

function matchRoute(url: URL, prefix: string, options: ProxyHandlerOptions, fail: Fail): Route | Response {
  const path = url.pathname;
  if (!path.startsWith(`${prefix}/`)) return fail(404, "not_found", `No proxy route here: paths start with ${prefix}/{provider}/.`);
  const [name = "", ...restParts] = path.slice(prefix.length + 1).split("/");
  const known = Object.hasOwn(PROXY_PROVIDERS, name);
  const config = known ? options.providers[name as ProxyProviderName] : undefined;
  if (!config) {
    const names = Object.keys(options.providers).filter((n) => options.providers[n as ProxyProviderName]);
    return fail(404, "unknown_provider", `The proxy does not forward to "${name}". Configured providers: ${names.join(", ") || "none"}.`);
  }
  const spec = PROXY_PROVIDERS[name as ProxyProviderName];
  const rest = restParts.join("/");
  const base = (config.baseURL ?? spec.baseURL).replace(/\/+$/, "");
  const target = new URL(`${base}/${rest}`);
  const baseUrl = new URL(`${base}/`);
  // `..` or an encoded slash must not walk out of the provider's API.
  if (rest === "" || target.origin !== baseUrl.origin || !target.pathname.startsWith(baseUrl.pathname)) {
    return fail(400, "bad_path", `The path after ${prefix}/${name}/ must name an API endpoint, e.g. chat/completions.`);
  }
  url.searchParams.forEach((value, key) => {
    if (!spec.blockedQuery.includes(key)) target.searchParams.append(key, value);
  });
  return { name: name as ProxyProviderName, config, spec, rest, url: target };
}

function checkEndpoint(route: Route, prefix: string, fail: Fail): Response | undefined {
  const endpoints = route.config.endpoints ?? route.spec.endpoints;
  if (isAllowedEndpoint(route.rest, endpoints)) return undefined;
  return fail(
    403,
    "endpoint_not_allowed",
    `This proxy forwards ${prefix}/${route.name}/ to ${endpoints.join(", ")} only, not ${route.rest}.`,
  );
}

async function readBody(
  request: Request,
  options: ProxyHandlerOptions,
  fail: Fail,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; json: unknown } | Response> {
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  let bytes: Awaited<ReturnType<typeof readLimitedBody>>;
  try {
    bytes = await readLimitedBody(request, maxBodyBytes, options.bodyTimeoutMs ?? 10_000);
  } catch {
    return fail(400, "bad_body", "The request body could not be read: the client probably went away.");
  }
  if (bytes === "too-large") return fail(413, "request_too_large", `The request body exceeds the proxy's limit of ${maxBodyBytes} bytes.`);
  if (bytes === "too-slow") return fail(408, "request_timeout", "The request body took too long to arrive; send it again.");
  try {
    return { bytes, json: bytes.byteLength > 0 ? JSON.parse(new TextDecoder().decode(bytes)) : undefined };
  } catch {
    return fail(400, "bad_body", "The request body is not valid JSON.");
  }
}

function checkBody(route: Route, body: { json: unknown }, limits: ProxyLimits, fail: Fail): Response | undefined {
  const exceeded = exceededLimit(body.json, limits);
  if (exceeded) return fail(403, "limit_exceeded", `${exceeded}: ask for less.`);
  const allowed = route.config.models;
  if (!allowed) return undefined;
  const model = route.spec.modelOf(route.rest, () => body.json);
  if (model !== undefined && (allowed.includes(model) || allowed.includes(`models/${model}`))) return undefined;
  const what = model === undefined ? "The request names no model" : `The model "${model}" is not allowed`;
  return fail(403, "model_not_allowed", `${what}: this proxy forwards ${route.name} calls for ${allowed.join(", ")} only.`);
}

/**
 * The upstream answer, streamed back with the key removed from its body and headers; a 401's body
 * (which may quote part of the key) is replaced.
 */
async function relay(
  upstream: Response,
  route: Route,
  secrets: readonly string[],
  allowOrigin: string | undefined,
  fail: Fail,
): Promise<Response> {
  const headers = downstreamHeaders(upstream.headers, allowOrigin, secrets);
  // A good answer streams on as it comes, but never with the key (an error event may quote it).
  if (upstream.ok) return new Response(upstream.body && redactStream(upstream.body, secrets), { status: upstream.status, headers });
  if (upstream.status === 401 || upstream.type === "opaqueredirect" || (upstream.status >= 300 && upstream.status < 400)) {
    await upstream.body?.cancel().catch(() => undefined);
    // The provider's message may quote part of the key (e.g. its last characters): say only what to fix.
    if (upstream.status === 401)
      return fail(401, "upstream_auth_failed", `${route.name} rejected the proxy's API key; the server's configured key must be fixed.`);
    return fail(
      502,
      "upstream_redirect",
      `${route.name} answered with a redirect, which the proxy does not follow (its key must not go elsewhere). Check the provider's baseURL.`,
    );
  }
  const text = redactSecrets(await upstream.text(), secrets);
  return new Response(text, { status: upstream.status, headers });
}
