import { redactSecrets } from "../errors/redact-secrets.ts";
import type { ProxyHandlerOptions, ProxyProviderConfig, ProxyProviderName } from "./proxy-options.ts";
import { proxyErrorResponse } from "./proxy-error-response.ts";
import { downstreamHeaders, preflightResponse, upstreamHeaders } from "./proxy-headers.ts";
import { PROXY_PROVIDERS, type ProxyProviderSpec } from "./proxy-providers.ts";
import { readLimitedBody } from "./read-limited-body.ts";

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
 * `POST {prefix}/{provider}/{rest}` goes to `{baseURL}/{rest}` with the provider's key added and any
 * client credentials removed. Unknown providers get 404, models outside `models` 403, bodies over
 * `maxBodyBytes` 413. The request's signal reaches the upstream fetch (a closed tab stops the
 * generation) and the provider's response streams back unchanged.
 *
 * @example
 * const proxy = createProxyHandler({ providers: { openai: { apiKey: env.OPENAI_API_KEY, models: ["gpt-4o-mini"] } } });
 * export default { fetch: (request) => proxy(request) };
 * // in the page: openai.call({ model: "gpt-4o-mini", client: { baseURL: "https://worker.example/llm/openai", apiKey: "unused" } }, fn)
 */
export function createProxyHandler(options: ProxyHandlerOptions): (request: Request) => Promise<Response> {
  const prefix = `/${(options.prefix ?? "/llm").replace(/^\/+|\/+$/g, "")}`.replace(/^\/$/, "");
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const allowOrigin = options.allowOrigin;
  const fail: Fail = (status, type, message, extra) => proxyErrorResponse(status, type, message, allowOrigin, extra);
  const secrets = Object.values(options.providers).map((p) => p?.apiKey);

  return async function handle(request: Request): Promise<Response> {
    const route = matchRoute(new URL(request.url), prefix, options, fail);
    if (route instanceof Response) return route;
    if (request.method === "OPTIONS" && allowOrigin !== undefined) return preflightResponse(request, allowOrigin);
    if (request.method !== "POST") {
      return fail(405, "method_not_allowed", `The proxy forwards POST requests only, not ${request.method}.`, { allow: "POST" });
    }
    const body = await readBody(request, maxBodyBytes, fail);
    if (body instanceof Response) return body;
    const refused = checkModel(route, body, fail);
    if (refused) return refused;
    let upstream: Response;
    try {
      upstream = await (options.fetch ?? globalThis.fetch.bind(globalThis))(route.url.href, {
        method: "POST",
        headers: upstreamHeaders(request.headers, route.spec, route.config.apiKey),
        body: body.byteLength > 0 ? body : undefined,
        signal: request.signal,
      });
    } catch (error) {
      if (request.signal.aborted) return fail(499, "client_closed", "The client closed the request.");
      const detail = redactSecrets(error instanceof Error ? error.message : String(error), secrets);
      return fail(502, "upstream_unreachable", `The proxy could not reach ${route.name} (${detail}). Retry later.`);
    }
    return relay(upstream, route, secrets, allowOrigin, fail);
  };
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

async function readBody(request: Request, maxBodyBytes: number, fail: Fail): Promise<Uint8Array<ArrayBuffer> | Response> {
  let body: Uint8Array<ArrayBuffer> | "too-large";
  try {
    body = await readLimitedBody(request, maxBodyBytes);
  } catch {
    return fail(400, "bad_body", "The request body could not be read: the client probably went away.");
  }
  if (body === "too-large") {
    return fail(413, "request_too_large", `The request body exceeds the proxy's limit of ${maxBodyBytes} bytes.`);
  }
  return body;
}

function checkModel(route: Route, body: Uint8Array, fail: Fail): Response | undefined {
  const allowed = route.config.models;
  if (!allowed) return undefined;
  const model = route.spec.modelOf(route.rest, () => {
    try {
      return JSON.parse(new TextDecoder().decode(body));
    } catch {
      return undefined;
    }
  });
  if (model !== undefined && (allowed.includes(model) || allowed.includes(`models/${model}`))) return undefined;
  const what = model === undefined ? "The request names no model" : `The model "${model}" is not allowed`;
  return fail(403, "model_not_allowed", `${what}: this proxy forwards ${route.name} calls for ${allowed.join(", ")} only.`);
}

/** The upstream answer, streamed back; error bodies have the key removed, and a 401's body (which may quote part of it) is replaced. */
async function relay(
  upstream: Response,
  route: Route,
  secrets: readonly (string | undefined)[],
  allowOrigin: string | undefined,
  fail: Fail,
): Promise<Response> {
  const headers = downstreamHeaders(upstream.headers, allowOrigin);
  if (upstream.ok) return new Response(upstream.body, { status: upstream.status, headers });
  if (upstream.status === 401) {
    await upstream.body?.cancel().catch(() => undefined);
    // The provider's message may quote part of the key (e.g. its last characters): say only what to fix.
    return fail(401, "upstream_auth_failed", `${route.name} rejected the proxy's API key; the server's configured key must be fixed.`);
  }
  const text = redactSecrets(await upstream.text(), secrets);
  return new Response(text, { status: upstream.status, headers });
}
