// The local test server's routes behave as the conformance suite relies on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server.mjs";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const get = async (path: string, init?: RequestInit) => {
  const res = await fetch(`${server.url}${path}`, init);
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
};

describe("test server", () => {
  it("answers a CORS preflight for any method and header", async () => {
    const res = await fetch(`${server.url}/echo`, {
      method: "OPTIONS",
      headers: {
        origin: "http://example.test",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-headers")).toBe("authorization,content-type");
  });

  it("/flaky fails N times with the given status, then succeeds; /count reports the hits", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await get("/flaky?id=f1&fail=2&status=429&retry-after=1")).status);
    expect(statuses).toEqual([429, 429, 200, 200]);
    expect((await get("/count?id=f1")).body.count).toBe(4);
  });

  it("/sse-forever streams events until the client leaves; /closed then says so", async () => {
    const controller = new AbortController();
    const res = await fetch(`${server.url}/sse-forever?id=s1`, { signal: controller.signal });
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const reader = res.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toMatch(/^data: \{"n":0\}\n\n/);
    expect((await get("/closed?id=s1")).body).toEqual({ opened: true, closed: false });
    await reader.cancel();
    let closed = false;
    for (let i = 0; i < 50 && !closed; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      closed = (await get("/closed?id=s1")).body.closed === true;
    }
    expect(closed).toBe(true);
  });

  it("/status/:code answers that status with a JSON error, and unknown paths 404", async () => {
    const r = await get("/status/503");
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({ error: { code: 503 } });
    expect((await get("/nope")).status).toBe(404);
  });
});
