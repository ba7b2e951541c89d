// No MCP client call hangs: against the official SDK's server (test/support/mcp-server.mjs), with a
// `fetch` that stops passing some requests on (the server then never answers them), every request
// — close()'s DELETE included — ends within the client's `timeout`, and a caller's signal ends it at once.
import { describe, expect, inject, it } from "vitest";
import { TimeoutError } from "promptcall";
import { connectMcp } from "promptcall/mcp";
import { rejection } from "./support/scripted-server.ts";

const origin = inject("mcpUrl");

/** The global fetch, except that requests `silent` picks never get an answer (the fetch still honours its signal). */
function silencing(silent: (init: RequestInit | undefined) => boolean) {
  const seen = { silenced: 0, aborted: 0 };
  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (!silent(init)) return globalThis.fetch(input, init);
    seen.silenced++;
    return new Promise((_, reject) => {
      const signal = init?.signal;
      const onAbort = () => {
        seen.aborted++;
        reject(signal?.reason);
      };
      if (signal?.aborted) onAbort();
      else signal?.addEventListener("abort", onAbort, { once: true });
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

const rpcOf = (init: RequestInit | undefined) =>
  typeof init?.body === "string" ? (JSON.parse(init.body) as { method?: string }).method : undefined;

describe("MCP client: no hang", () => {
  it("close() gives up on a server that never answers its DELETE, within the timeout", async () => {
    const { fetch, seen } = silencing((init) => init?.method === "DELETE");
    const mcp = await connectMcp(`${origin}/mcp-session`, { fetch, timeout: 1000 });
    expect(mcp.sessionId).toBeDefined();
    await mcp.close(); // best effort: resolves once the attempt limit is hit
    expect(seen).toEqual({ silenced: 1, aborted: 1 });
    expect(mcp.sessionId).toBeUndefined();
  });

  it("close(signal) gives up as soon as the signal aborts", async () => {
    const { fetch, seen } = silencing((init) => init?.method === "DELETE");
    const mcp = await connectMcp(`${origin}/mcp-session`, { fetch });
    const controller = new AbortController();
    const closing = mcp.close(controller.signal);
    setTimeout(() => controller.abort(new Error("shutting down")), 20);
    await closing;
    expect(seen).toEqual({ silenced: 1, aborted: 1 });
  });

  it("a tool from mcp.tools() whose call never gets an answer throws a TimeoutError", async () => {
    const { fetch } = silencing((init) => rpcOf(init) === "tools/call");
    const mcp = await connectMcp(`${origin}/mcp-json`, { fetch, timeout: 1000 });
    const weather = (await mcp.tools()).find((t) => t.name === "get_weather")!;
    const error = await rejection(
      Promise.resolve().then(() => (weather as unknown as { call(a: unknown): Promise<unknown> }).call({ city: "Oslo" })),
    );
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ phase: "attempt" });
  });

  it("a request aborted by the caller rejects with the signal's reason", async () => {
    const { fetch, seen } = silencing((init) => rpcOf(init) === "tools/call");
    const mcp = await connectMcp(`${origin}/mcp-json`, { fetch });
    const controller = new AbortController();
    const pending = mcp.callTool("get_weather", { city: "Oslo" }, controller.signal);
    setTimeout(() => controller.abort(new Error("user left")), 20);
    expect(await rejection(pending)).toMatchObject({ message: "user left" });
    expect(seen.aborted).toBe(1);
  });

  it("connectMcp against a server that never answers initialize ends in a TimeoutError", async () => {
    const { fetch } = silencing(() => true);
    const error = await rejection(connectMcp(`${origin}/mcp`, { fetch, timeout: 50 }));
    expect(error).toMatchObject({ name: "TimeoutError", phase: "attempt", timeoutMs: 50 });
  });

  it("mcp.tools({ signal }): an abort ends a tool call the server never answers, with the signal's reason", async () => {
    const { fetch, seen } = silencing((init) => rpcOf(init) === "tools/call");
    const mcp = await connectMcp(`${origin}/mcp-json`, { fetch });
    const controller = new AbortController();
    const weather = (await mcp.tools({ signal: controller.signal })).find((t) => t.name === "get_weather")!;
    const pending = Promise.resolve().then(() => (weather as unknown as { call(a: unknown): Promise<unknown> }).call({ city: "Oslo" }));
    setTimeout(() => controller.abort(new Error("user left")), 20);
    expect(await rejection(pending)).toMatchObject({ message: "user left" });
    expect(seen.aborted).toBe(1);
  });
});
