// Local HTTP server for the conformance suite. Plain node:http on 127.0.0.1 with a random port,
// permissive CORS (the browser runner's page lives on another origin), and a route table that
// other test authors can extend: add an entry to `routes` below.
//
// Run standalone with `node test/support/test-server.mjs` (prints the URL and keeps serving).
import { createServer } from "node:http";

/** Per-id bookkeeping shared by the routes: hits, open/closed SSE connections. */
const state = new Map();

function stateFor(id) {
  let s = state.get(id);
  if (!s) {
    s = { hits: 0, opened: false, closed: false };
    state.set(id, s);
  }
  return s;
}

function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The route table: "METHOD /path" → handler(ctx). `ctx` is
 * `{ req, res, url, query, params, id, state }`; `params.rest` holds the path after a route ending in `/*`.
 * Use method "*" to answer every method.
 */
export const routes = {
  /** Streams `data: {"n":i}` every ~20 ms until the client goes away; /closed?id= then says so. */
  "GET /sse-forever": ({ req, res, id }) => {
    const s = stateFor(id);
    s.opened = true;
    s.closed = false;
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store" });
    res.flushHeaders();
    let n = 0;
    const timer = setInterval(() => res.write(`data: {"n":${n++}}\n\n`), 20);
    const onClose = () => {
      clearInterval(timer);
      s.closed = true;
    };
    req.socket.once("close", onClose);
    res.once("close", onClose);
  },

  /** `{ opened, closed }` for an /sse-forever connection with the same id. */
  "GET /closed": ({ res, id }) => {
    const s = stateFor(id);
    sendJson(res, 200, { opened: s.opened, closed: s.closed });
  },

  /** Echoes method, path, headers and the body (parsed as JSON when it is JSON). */
  "* /echo": async ({ req, res, url }) => {
    const text = await readBody(req);
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    sendJson(res, 200, {
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: json,
      text,
    });
  },

  /** Answers status :code with a JSON error body; `?retry-after=S` adds that header. */
  "GET /status/*": ({ res, params, query }) => {
    const code = Number(params.rest);
    if (!Number.isInteger(code) || code < 200 || code > 599) return sendJson(res, 400, { error: { message: `bad status ${params.rest}` } });
    const headers = query["retry-after"] ? { "retry-after": query["retry-after"] } : {};
    sendJson(res, code, { error: { message: `status ${code} from the test server`, type: "test_error", code } }, headers);
  },

  /** Fails `fail` times (with `status`, default 503, and optional `retry-after`), then answers 200. */
  "* /flaky": ({ res, id, query, state: s }) => {
    const fail = Number(query.fail ?? 1);
    const status = Number(query.status ?? 503);
    if (s.hits <= fail) {
      const headers = query["retry-after"] ? { "retry-after": query["retry-after"] } : {};
      return sendJson(res, status, { error: { message: `flaky failure ${s.hits} of ${fail}`, code: status } }, headers);
    }
    sendJson(res, 200, { ok: true, id, attempts: s.hits });
  },

  /**
   * A misbehaving server, scripted by the first path segment after /script/: base64url of JSON
   * `{ id?, hang?, hangHits?, headDelayMs?, status?, type?, headers?, parts?, fill?, delayMs?, end? }`.
   * The first `hangHits` requests of `id` (every one with `hang: true`) never answer; the others wait
   * `headDelayMs`, send `status` (200) with content-type `type`, then each of `parts` (strings, and
   * `fill` bytes of "x") `delayMs` apart, then `end`: "close" (default), "stall" (stay open) or
   * "reset" (destroy the socket). Anything after the segment (e.g. /chat/completions) is ignored.
   */
  "* /script/*": async ({ req, res, params }) => {
    const script = JSON.parse(Buffer.from(params.rest.split("/")[0], "base64url").toString("utf8"));
    await readBody(req);
    const s = stateFor(`script:${script.id ?? ""}`);
    s.hits++;
    if (script.hang || s.hits <= (script.hangHits ?? 0)) return;
    const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms ?? 0));
    await pause(script.headDelayMs);
    res.writeHead(script.status ?? 200, { "content-type": script.type ?? "text/event-stream", ...script.headers });
    res.flushHeaders();
    const parts = [...(script.parts ?? []), ...(script.fill ? ["x".repeat(script.fill)] : [])];
    for (const part of parts) {
      if (res.destroyed) return;
      res.write(part);
      await pause(script.delayMs);
    }
    if (script.end === "reset") res.socket?.destroy();
    else if (script.end !== "stall") res.end();
  },

  /** Redirects (307) any path under /redirect/ to the URL in `?to=`. */
  "* /redirect/*": ({ res, query }) => {
    res.writeHead(307, { location: query.to ?? "/" });
    res.end();
  },

  /** How many requests carried this id (routes other than /count and /closed). */
  "GET /count": ({ res, id }) => sendJson(res, 200, { id, count: stateFor(id).hits }),
};

const UNCOUNTED = new Set(["/count", "/closed"]);

function findRoute(method, pathname) {
  for (const [key, handler] of Object.entries(routes)) {
    const [m, pattern] = key.split(" ");
    if (m !== "*" && m !== method) continue;
    if (pattern.endsWith("/*")) {
      const prefix = pattern.slice(0, -1);
      if (pathname.startsWith(prefix)) return { handler, params: { rest: pathname.slice(prefix.length) } };
    } else if (pattern === pathname) {
      return { handler, params: {} };
    }
  }
  return undefined;
}

function corsHeaders(req) {
  return {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": req.headers["access-control-request-method"] ?? "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    // A literal "*" does not cover Authorization, so echo what the browser asks for.
    "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "*",
    "access-control-expose-headers": "*",
    "access-control-max-age": "600",
  };
}

async function handle(req, res) {
  for (const [k, v] of Object.entries(corsHeaders(req))) res.setHeader(k, v);
  if (req.method === "OPTIONS") {
    res.writeHead(204);
    return res.end();
  }
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const query = Object.fromEntries(url.searchParams);
  const id = query.id ?? "default";
  const route = findRoute(req.method ?? "GET", url.pathname);
  if (!route) return sendJson(res, 404, { error: { message: `no route for ${req.method} ${url.pathname}` } });
  const s = stateFor(id);
  if (!UNCOUNTED.has(url.pathname)) s.hits++;
  await route.handler({ req, res, url, query, params: route.params, id, state: s });
}

/**
 * Starts the server on 127.0.0.1 (random port unless given).
 * Resolves to `{ url, close }`; `close()` also ends open streaming connections.
 */
export async function startTestServer({ port = 0 } = {}) {
  const sockets = new Set();
  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: String(err) } });
      else res.destroy();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const { port: actual } = server.address();
  const url = `http://127.0.0.1:${actual}`;
  const close = () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return { url, close };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await startTestServer({ port: Number(process.env.PORT ?? 0) });
  console.log(url);
}
