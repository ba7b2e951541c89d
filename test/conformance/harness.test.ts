// Proves the harness itself in every runtime: the local test server is reachable with fetch,
// and the fixtures are bundled without a file system.
import { describe, expect, inject, it } from "vitest";
import { fixtures } from "../fixtures/index.ts";

describe("test harness", () => {
  it("reaches the local test server: POST /echo returns the JSON body and headers", async () => {
    const serverUrl = inject("serverUrl");
    expect(serverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${serverUrl}/echo`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-harness": "yes" },
      body: JSON.stringify({ hello: "wörld", n: 1 }),
    });
    expect(res.status).toBe(200);
    const echoed = (await res.json()) as { method: string; body: unknown; headers: Record<string, string> };
    expect(echoed.method).toBe("POST");
    expect(echoed.body).toEqual({ hello: "wörld", n: 1 });
    expect(echoed.headers["x-harness"]).toBe("yes");
  });

  it("gets error statuses with a JSON body and a readable retry-after header", async () => {
    const res = await fetch(`${inject("serverUrl")}/status/429?retry-after=2`);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("2");
    const body = (await res.json()) as { error: { code: number } };
    expect(body.error.code).toBe(429);
  });

  it("loads the recorded fixtures as text without a file system", () => {
    const names = Object.keys(fixtures);
    expect(names).toContain("openai/chat_text.json");
    expect(names).toContain("SOURCES.md");
    expect(names.filter((n) => n.endsWith(".sse")).length).toBeGreaterThanOrEqual(5);
    expect(() => JSON.parse(fixtures["openai/chat_text.json"])).not.toThrow();
  });
});
