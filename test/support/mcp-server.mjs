// A real MCP server for the MCP client's conformance tests: the official SDK's `McpServer` behind its
// `StreamableHTTPServerTransport` (@modelcontextprotocol/sdk, devDependency), on 127.0.0.1 with a
// random port and open CORS (the browser runner's page lives on another origin).
//
//   POST /mcp          stateless (a new server + transport per POST), answers with SSE
//   POST /mcp-json     stateless, answers with application/json (`enableJsonResponse`)
//   *    /mcp-session  stateful: a session id per initialize; DELETE ends the session
//   GET  /mcp-log      what the server saw: `{ requests: [{ method, path, rpc, sessionId, protocolVersion, accept, testId }], closed: [ids] }`
//                      (`testId` is the request's x-test-id header, so a test finds its own requests)
//
// tools/list is paginated two tools a page, so a client must follow `nextCursor`.
// Run standalone with `node test/support/mcp-server.mjs` (prints the URL and keeps serving).
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { EmptyResultSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";

/** A 1×1 PNG (the bytes a test compares with). */
export const PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
const PAGE_SIZE = 2;

/** The server's tools: text, image, structured content, an `isError` result, a notification or a request before the result, a slow answer. */
function buildServer() {
  const server = new McpServer({ name: "promptcall-test-server", version: "1.0.0" }, { capabilities: { logging: {} } });
  server.registerTool(
    "get_weather",
    { description: "The current weather in a city.", inputSchema: { city: z.string().describe("City name") } },
    async ({ city }) => ({ content: [{ type: "text", text: `Sunny in ${city}, 21 °C` }] }),
  );
  server.registerTool(
    "render_chart",
    { description: "Renders a chart as a PNG image.", inputSchema: { title: z.string() } },
    async ({ title }) => ({
      content: [
        { type: "text", text: `Chart: ${title}` },
        { type: "image", data: PNG_BASE64, mimeType: "image/png" },
      ],
    }),
  );
  server.registerTool(
    "get_forecast",
    {
      description: "A forecast as structured data.",
      inputSchema: { city: z.string(), days: z.number().int().min(1).max(3) },
      outputSchema: { city: z.string(), highs: z.array(z.number()) },
    },
    async ({ city, days }) => {
      const value = { city, highs: [21, 19, 24].slice(0, days) };
      return { content: [{ type: "text", text: JSON.stringify(value) }], structuredContent: value };
    },
  );
  server.registerTool("lookup_order", { description: "Looks an order up by id.", inputSchema: { id: z.string() } }, async ({ id }) => ({
    content: [{ type: "text", text: `No order with id ${id}: ids look like ORD-123.` }],
    isError: true,
  }));
  server.registerTool("log_then_answer", { description: "Logs a message, then answers." }, async (extra) => {
    // A server notification on the request's SSE stream before the response (Streamable HTTP, 2025-11-25:
    // "The server MAY send JSON-RPC requests and notifications before sending the JSON-RPC response").
    await extra.sendNotification({ method: "notifications/message", params: { level: "info", data: "working" } });
    return { content: [{ type: "text", text: "done" }] };
  });
  server.registerTool(
    "ping_client",
    { description: "Pings the client before answering (a server-to-client request; stateful sessions only)." },
    async (extra) => {
      // "The server MAY send JSON-RPC requests and notifications before sending the JSON-RPC response."
      await extra.sendRequest({ method: "ping" }, EmptyResultSchema);
      return { content: [{ type: "text", text: "the client answered the ping" }] };
    },
  );
  server.registerTool(
    "wait",
    { description: "Answers after `ms` milliseconds.", inputSchema: { ms: z.number().int().max(5000) } },
    async ({ ms }) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return { content: [{ type: "text", text: `waited ${ms} ms` }] };
    },
  );
  paginateTools(server);
  return server;
}

/** Replaces McpServer's tools/list handler with one that pages its answer by `cursor`. */
function paginateTools(server) {
  // The SDK keeps its handlers in a private map; the original builds the JSON Schemas for us.
  const original = server.server._requestHandlers.get("tools/list");
  server.server.setRequestHandler(ListToolsRequestSchema, async (request, extra) => {
    const { tools } = await original(request, extra);
    const start = Number(request.params?.cursor ?? 0);
    const page = tools.slice(start, start + PAGE_SIZE);
    const next = start + PAGE_SIZE;
    return next < tools.length ? { tools: page, nextCursor: String(next) } : { tools: page };
  });
}

const log = { requests: [], closed: [] };
const sessions = new Map();

function cors(req, res) {
  res.setHeader("access-control-allow-origin", "*");
  res.setHeader("access-control-allow-methods", "GET, POST, DELETE, OPTIONS");
  res.setHeader("access-control-allow-headers", req.headers["access-control-request-headers"] ?? "*");
  // The browser hides response headers unless listed: the client must read mcp-session-id.
  res.setHeader("access-control-expose-headers", "mcp-session-id");
  res.setHeader("access-control-max-age", "600");
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? JSON.parse(text) : undefined;
}

function record(req, path, body) {
  log.requests.push({
    method: req.method,
    path,
    rpc: body?.method ?? (body && "result" in body ? "response" : undefined),
    sessionId: req.headers["mcp-session-id"],
    protocolVersion: req.headers["mcp-protocol-version"],
    accept: req.headers.accept,
    testId: req.headers["x-test-id"],
  });
}

async function stateless(req, res, body, enableJsonResponse) {
  if (req.method !== "POST") {
    res.writeHead(405, { allow: "POST" }).end();
    return;
  }
  const server = buildServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse });
  res.on("close", () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, body);
}

async function stateful(req, res, body) {
  const id = req.headers["mcp-session-id"];
  let transport = id ? sessions.get(id) : undefined;
  if (!transport && !id && req.method === "POST" && body?.method === "initialize") {
    transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sessionId) => sessions.set(sessionId, transport),
      onsessionclosed: (sessionId) => {
        sessions.delete(sessionId);
        log.closed.push(sessionId);
      },
    });
    await buildServer().connect(transport);
  }
  if (!transport) {
    res.writeHead(id ? 404 : 400, { "content-type": "application/json" });
    res.end(JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32000, message: id ? "Session not found" : "No session id" } }));
    return;
  }
  await transport.handleRequest(req, res, body);
}

async function handle(req, res) {
  cors(req, res);
  const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
  if (req.method === "OPTIONS") return void res.writeHead(204).end();
  if (path === "/mcp-log") {
    res.writeHead(200, { "content-type": "application/json" });
    return void res.end(JSON.stringify(log));
  }
  const body = req.method === "POST" ? await readJson(req) : undefined;
  record(req, path, body);
  if (path === "/mcp") return stateless(req, res, body, false);
  if (path === "/mcp-json") return stateless(req, res, body, true);
  if (path === "/mcp-session") return stateful(req, res, body);
  res.writeHead(404).end();
}

/** Starts the MCP test server on 127.0.0.1 (random port). `url` is its origin, e.g. "http://127.0.0.1:41235". */
export async function startMcpServer({ port = 0 } = {}) {
  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error?.stack ?? error));
    });
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}`,
    close: async () => {
      for (const transport of sessions.values()) await transport.close();
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await startMcpServer({ port: Number(process.env.PORT ?? 0) });
  console.log(`MCP test server on ${url}/mcp`);
}
