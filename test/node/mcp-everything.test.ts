// The MCP client against the protocol's reference server, @modelcontextprotocol/server-everything
// (stateful Streamable HTTP at /mcp). Node only: the server is a child process, and it binds all
// interfaces, so it is started here with a bare environment (its get-env tool returns the whole
// environment: no secrets in it) and killed after the tests.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectMcp } from "promptcall/mcp";

const root = join(import.meta.dirname, "..", "..");
let child: ChildProcess | undefined;
let url = "";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForServer(target: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      await fetch(target, { method: "GET" });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

beforeAll(async () => {
  const port = await freePort();
  const bin = join(root, "node_modules", "@modelcontextprotocol", "server-everything", "dist", "index.js");
  child = spawn(process.execPath, [bin, "streamableHttp"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", PORT: String(port) },
    stdio: "ignore",
  });
  url = `http://127.0.0.1:${port}/mcp`;
  await waitForServer(url, Date.now() + 20_000);
}, 30_000);

afterAll(() => {
  child?.kill();
});

describe("MCP client against server-everything", () => {
  it("initializes a session, lists the tools and calls them", async () => {
    const mcp = await connectMcp(url);
    expect(mcp.sessionId).toBeTruthy();
    expect(mcp.protocolVersion).toBe("2025-11-25");
    expect(mcp.serverInfo.name).toBe("mcp-servers/everything");
    expect(mcp.instructions).toMatch(/Everything Server/);

    const tools = await mcp.tools();
    const names = tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(["echo", "get-sum", "get-tiny-image", "get-structured-content"]));

    const echo = tools.find((t) => t.name === "echo");
    expect(echo?.jsonSchema).toMatchObject({ type: "object", properties: { message: { type: "string" } }, required: ["message"] });
    expect((await echo?.call({ message: "hello" }))?.text).toBe("Echo: hello");

    const image = await mcp.callTool("get-tiny-image");
    const part = image.content.find((c) => c.type === "image") as { mediaType: string; data: Uint8Array };
    expect(part.mediaType).toBe("image/png");
    expect([...part.data.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

    const structured = await mcp.callTool("get-structured-content", { location: "Chicago" });
    expect(structured.structuredContent).toMatchObject({ temperature: expect.any(Number), conditions: expect.any(String) });

    await mcp.close();
    expect(mcp.sessionId).toBeUndefined();
  });

  it("returns invalid arguments as a result with isError for the model to repair", async () => {
    const mcp = await connectMcp(url);
    const result = await mcp.callTool("get-sum", { a: "one", b: 2 });
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(/Invalid arguments for tool get-sum: .*expected number, received string at a/);
    await mcp.close();
  });
});
