// The MCP client against the official MCP SDK's server (test/support/mcp-server.mjs: McpServer +
// StreamableHTTPServerTransport, started in Node by the global setup), in every runtime.
import { describe, expect, inject, it } from "vitest";
import { McpError, TimeoutError } from "promptcall";
import { connectMcp, type McpNotification } from "promptcall/mcp";

const origin = inject("mcpUrl");
const TOOL_NAMES = ["get_weather", "render_chart", "get_forecast", "lookup_order", "log_then_answer", "ping_client", "wait"];

interface LoggedRequest {
  method: string;
  path: string;
  rpc?: string;
  sessionId?: string;
  protocolVersion?: string;
  accept?: string;
  testId?: string;
}

/** A header that tells this test's requests apart in the server's log (and proves `headers` are sent). */
function testHeaders(): { "x-test-id": string } {
  return { "x-test-id": crypto.randomUUID() };
}

async function serverLog(testId: string): Promise<{ requests: LoggedRequest[]; closed: string[] }> {
  const log = (await (await fetch(`${origin}/mcp-log`)).json()) as { requests: LoggedRequest[]; closed: string[] };
  return { requests: log.requests.filter((r) => r.testId === testId), closed: log.closed };
}

describe("MCP client: handshake and transport", () => {
  it("initializes, then sends the negotiated MCP-Protocol-Version on every later request", async () => {
    const headers = testHeaders();
    const mcp = await connectMcp(`${origin}/mcp`, { headers });
    expect(mcp.protocolVersion).toBe("2025-11-25");
    expect(mcp.serverInfo).toEqual({ name: "promptcall-test-server", version: "1.0.0" });
    expect(mcp.capabilities).toMatchObject({ tools: { listChanged: true } });
    expect(mcp.sessionId).toBeUndefined(); // a stateless server assigns none
    await mcp.listTools();
    const { requests } = await serverLog(headers["x-test-id"]);
    expect(requests.map((r) => r.rpc)).toEqual([
      "initialize",
      "notifications/initialized",
      "tools/list",
      "tools/list",
      "tools/list",
      "tools/list",
    ]);
    expect(requests[0].protocolVersion).toBeUndefined();
    expect(requests.slice(1).every((r) => r.protocolVersion === "2025-11-25")).toBe(true);
    expect(requests.every((r) => r.accept === "application/json, text/event-stream")).toBe(true);
  });

  it("reads responses sent as application/json and as an event stream", async () => {
    for (const path of ["/mcp", "/mcp-json"]) {
      const mcp = await connectMcp(`${origin}${path}`);
      const result = await mcp.callTool("get_weather", { city: "Paris" });
      expect(result.text).toBe("Sunny in Paris, 21 °C");
      expect(result.isError).toBe(false);
    }
  });

  it("passes server notifications sent before the response to onNotification", async () => {
    const notifications: McpNotification[] = [];
    const mcp = await connectMcp(`${origin}/mcp`, { onNotification: (n) => void notifications.push(n) });
    const result = await mcp.callTool("log_then_answer");
    expect(result.text).toBe("done");
    expect(notifications).toEqual([{ jsonrpc: "2.0", method: "notifications/message", params: { level: "info", data: "working" } }]);
  });

  it("answers a ping the server sends before its response", async () => {
    const headers = testHeaders();
    const mcp = await connectMcp(`${origin}/mcp-session`, { headers });
    expect((await mcp.callTool("ping_client")).text).toBe("the client answered the ping");
    await mcp.close();
    const { requests } = await serverLog(headers["x-test-id"]);
    expect(requests.find((r) => r.rpc === "response")).toMatchObject({ method: "POST", sessionId: mcp.sessionId ?? expect.any(String) });
  });

  it("throws a TimeoutError for a request over its timeout", async () => {
    const json = await connectMcp(`${origin}/mcp-json`, { timeout: 300 });
    await expect(json.callTool("wait", { ms: 1500 })).rejects.toBeInstanceOf(TimeoutError);
    const sse = await connectMcp(`${origin}/mcp`, { timeout: { attemptMs: 300, idleMs: 300 } });
    await expect(sse.callTool("wait", { ms: 1500 })).rejects.toBeInstanceOf(TimeoutError);
    expect((await sse.callTool("wait", { ms: 10 })).text).toBe("waited 10 ms");
  });

  it("follows nextCursor through every page of tools/list", async () => {
    const mcp = await connectMcp(`${origin}/mcp-json`);
    const tools = await mcp.listTools();
    expect(tools.map((t) => t.name)).toEqual(TOOL_NAMES);
  });

  it("keeps the session id, sends it back, and ends the session with DELETE on close()", async () => {
    const headers = testHeaders();
    const mcp = await connectMcp(`${origin}/mcp-session`, { headers });
    const sessionId = mcp.sessionId;
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await mcp.callTool("get_weather", { city: "Oslo" })).text).toBe("Sunny in Oslo, 21 °C");
    await mcp.close();
    expect(mcp.sessionId).toBeUndefined();
    const { requests, closed } = await serverLog(headers["x-test-id"]);
    expect(requests.map((r) => `${r.method} ${r.rpc ?? ""}`.trim())).toEqual([
      "POST initialize",
      "POST notifications/initialized",
      "POST tools/call",
      "DELETE",
    ]);
    expect(requests.slice(1).every((r) => r.sessionId === sessionId)).toBe(true);
    expect(closed).toContain(sessionId);
  });

  it("starts a new session when the server answers 404 for an ended one", async () => {
    const mcp = await connectMcp(`${origin}/mcp-session`);
    const first = mcp.sessionId as string;
    // The server ends the session (as if it expired): it now answers 404 for this id.
    await fetch(`${origin}/mcp-session`, { method: "DELETE", headers: { "mcp-session-id": first, "mcp-protocol-version": "2025-11-25" } });
    const result = await mcp.callTool("get_weather", { city: "Rome" });
    expect(result.text).toBe("Sunny in Rome, 21 °C");
    expect(mcp.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(mcp.sessionId).not.toBe(first);
    await mcp.close();
  });
});

describe("MCP client: tool results", () => {
  it("decodes images to bytes and keeps the wire form for the model", async () => {
    const mcp = await connectMcp(`${origin}/mcp`);
    const result = await mcp.callTool("render_chart", { title: "Sales" });
    expect(result.content[0]).toEqual({ type: "text", text: "Chart: Sales" });
    const image = result.content[1] as { type: string; mediaType: string; data: Uint8Array };
    expect(image.type).toBe("image");
    expect(image.mediaType).toBe("image/png");
    expect(image.data).toBeInstanceOf(Uint8Array);
    expect([...image.data.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const wire = JSON.parse(JSON.stringify(result));
    expect(wire.content[1]).toEqual({ type: "image", mimeType: "image/png", data: btoa(String.fromCharCode(...image.data)) });
  });

  it("returns structuredContent", async () => {
    const mcp = await connectMcp(`${origin}/mcp-json`);
    const result = await mcp.callTool("get_forecast", { city: "Lima", days: 2 });
    expect(result.structuredContent).toEqual({ city: "Lima", highs: [21, 19] });
    expect(JSON.parse(result.text)).toEqual({ city: "Lima", highs: [21, 19] });
  });

  it("returns a tool that ran and failed as a result with isError, not an exception", async () => {
    const mcp = await connectMcp(`${origin}/mcp`);
    const result = await mcp.callTool("lookup_order", { id: "42" });
    expect(result.isError).toBe(true);
    expect(result.text).toBe("No order with id 42: ids look like ORD-123.");
    expect(JSON.parse(JSON.stringify(result))).toMatchObject({ isError: true });
  });
});

describe("MCP client: tools()", () => {
  it("gives defineTool tools with the server's inputSchema whose call calls the server", async () => {
    const mcp = await connectMcp(`${origin}/mcp`);
    const tools = await mcp.tools();
    expect(tools.map((t) => t.name)).toEqual(TOOL_NAMES);
    const weather = tools[0];
    expect(weather.description).toBe("The current weather in a city.");
    expect(weather.jsonSchema).toEqual({
      type: "object",
      properties: { city: { type: "string", description: "City name" } },
      required: ["city"],
    });
    const result = await weather.call({ city: "Nairobi" });
    expect(result.text).toBe("Sunny in Nairobi, 21 °C");
  });

  it("makes a tool that ran and failed throw an McpError with the server's text and the result", async () => {
    const mcp = await connectMcp(`${origin}/mcp`);
    const lookup = (await mcp.tools())[3];
    const error = await Promise.resolve(lookup.call({ id: "x" })).catch((e: unknown) => e);
    expect(McpError.isInstance(error)).toBe(true);
    expect((error as McpError).message).toBe("No order with id x: ids look like ORD-123.");
    expect((error as McpError).result).toMatchObject({ isError: true, text: "No order with id x: ids look like ORD-123." });
  });

  it("prefixes names and replaces characters providers reject, calling the server by its own name", async () => {
    const mcp = await connectMcp(`${origin}/mcp`);
    const tools = await mcp.tools({ prefix: "acme." });
    expect(tools[0].name).toBe("acme_get_weather");
    expect((await tools[0].call({ city: "Quito" })).text).toBe("Sunny in Quito, 21 °C");
  });
});

describe("MCP client: errors", () => {
  it("throws a JSON-RPC error as an McpError with its code", async () => {
    const mcp = await connectMcp(`${origin}/mcp`);
    const error = await mcp.request("prompts/list").catch((e: unknown) => e);
    expect(McpError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ name: "McpError", method: "prompts/list", code: -32601 });
    expect((error as Error).message).toMatch(/prompts\/list.*-32601/);
  });

  it("throws an McpError with the status for an HTTP error", async () => {
    const error = await connectMcp(`${origin}/not-mcp`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpError);
    expect(error).toMatchObject({ method: "initialize", status: 404 });
  });

  it("refuses a protocol version it does not speak", async () => {
    // A server (here a fetch) that answers initialize with a version from the future.
    const fetch = async () =>
      new Response(
        JSON.stringify({
          jsonrpc: "2.0",
          id: 1,
          result: { protocolVersion: "2099-01-01", capabilities: {}, serverInfo: { name: "x", version: "1" } },
        }),
        { headers: { "content-type": "application/json" } },
      );
    const error = await connectMcp("https://mcp.example/mcp", { fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpError);
    expect((error as Error).message).toMatch(/2099-01-01.*2025-11-25/);
  });
});
