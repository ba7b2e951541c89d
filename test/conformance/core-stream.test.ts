import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool } from "../../src/index.ts";
import { createScriptedProvider } from "../../src/testing/index.ts";

const many = Array.from({ length: 50 }, (_, i) => `w${i} `);

describe("streams", () => {
  it("breaking out of the loop cancels the upstream body", async () => {
    const p = createScriptedProvider([{ chunks: many }]);
    const s = await p.call({ model: "m", stream: true }, () => "x")();
    let n = 0;
    for await (const _ of s) if (++n === 3) break;
    expect(p.fetch.cancelled).toBe(1);
    expect(s.content).toBe("w0 w1 w2 ");
  });

  it("a stream is iterable once; a second loop is a clear error", async () => {
    const p = createScriptedProvider([{ chunks: ["a", "b"] }]);
    const s = await p.call({ model: "m", stream: true }, () => "x")();
    for await (const _ of s) {
      // consume
    }
    await expect(async () => {
      for await (const _ of s) {
        // second time
      }
    }).rejects.toThrow(/already iterated/);
  });

  it("yields a tool once its arguments are complete", async () => {
    const tool = defineTool({ name: "t", description: "d", parameters: z.object({ n: z.number() }), call: ({ n }) => n * 2 });
    const p = createScriptedProvider([{ text: "ok ", toolCalls: [{ name: "t", args: { n: 2 } }] }]);
    const s = await p.call({ model: "m", stream: true, tools: [tool] }, () => "x")();
    const tools = [];
    for await (const [, t] of s) if (t) tools.push(t);
    expect(tools).toHaveLength(1);
    expect(await tools[0].call()).toBe(4);
    expect(s.tools[0].args).toEqual({ n: 2 });
    expect(s.finishReasons).toEqual(["tool_calls"]);
    const outputs = await s.executeTools();
    expect(s.toolMessageParams(outputs)[0]).toMatchObject({ role: "tool" });
  });

  it("stream.resume streams the next turn; a constructed response resumes without streaming", async () => {
    const tool = defineTool({ name: "t", description: "d", parameters: z.object({ n: z.number() }), call: ({ n }) => n * 2 });
    const p = createScriptedProvider([{ toolCalls: [{ name: "t", args: { n: 2 } }] }, { chunks: ["four"] }, { text: "4" }]);
    const s = await p.call({ model: "m", stream: true, tools: [tool] }, () => "x")();
    for await (const _ of s) {
      // consume
    }
    const outputs = await s.executeTools();
    const next = await s.resume(outputs);
    let text = "";
    for await (const [chunk] of next) text += chunk.content;
    expect(text).toBe("four");
    expect(p.fetch.requests[1].stream).toBe(true);
    expect(p.fetch.requests[1].messages.at(-1)).toMatchObject({ role: "tool" });
    const viaResponse = await s.constructCallResponse().resume(outputs);
    expect(viaResponse.content).toBe("4");
    expect(p.fetch.requests[2].stream).toBe(false);
  });

  it("an already-aborted signal rejects at once with its reason, sending nothing", async () => {
    const p = createScriptedProvider([{ text: "x" }]);
    const controller = new AbortController();
    const reason = new Error("user left");
    controller.abort(reason);
    await expect(p.call({ model: "m", signal: controller.signal }, () => "x")()).rejects.toBe(reason);
    expect(p.fetch.requests).toHaveLength(0);
  });

  it("aborting during a stream rejects the loop with the reason and cancels the body", async () => {
    const p = createScriptedProvider([{ chunks: many, delayMs: 2 }]);
    const controller = new AbortController();
    const s = await p.call({ model: "m", stream: true, signal: controller.signal }, () => "x")();
    const reason = new Error("stop now");
    const seen: string[] = [];
    const loop = (async () => {
      for await (const [chunk] of s) {
        seen.push(chunk.content);
        if (seen.length === 2) controller.abort(reason);
      }
    })();
    await expect(loop).rejects.toBe(reason);
    expect(seen.length).toBeLessThan(many.length);
  });

  it("textStream and toResponse stream the text; cancelling the ReadableStream cancels upstream", async () => {
    const p = createScriptedProvider([{ chunks: ["Hel", "lo"] }, { chunks: many }]);
    const s = await p.call({ model: "m", stream: true }, () => "x")();
    const res = s.toResponse();
    expect(res.headers.get("content-type")).toContain("text/plain");
    expect(await res.text()).toBe("Hello");
    const s2 = await p.call({ model: "m", stream: true }, () => "x")();
    const reader = s2.textStream().getReader();
    await reader.read();
    await reader.cancel();
    expect(p.fetch.cancelled).toBe(1);
  });

  it("a body that breaks mid-stream ends in a typed error, not a hang, and is not retried", async () => {
    const p = createScriptedProvider([{ chunks: many, breakAfter: 3 }, { text: "never" }]);
    const s = await p.call({ model: "m", stream: true, retry: { initialDelayMs: 1 } }, () => "x")();
    const err = await (async () => {
      for await (const _ of s) {
        // read
      }
    })().catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(typeof err.name).toBe("string");
    expect(p.fetch.requests).toHaveLength(1);
    expect(s.content).toBe("w0 w1 w2 ");
  });
});

describe("retries through a call", () => {
  it("retries 503 and 429 then succeeds; the retry count is bounded", async () => {
    const p = createScriptedProvider([{ status: 503 }, { status: 429 }, { text: "finally" }]);
    const r = await p.call({ model: "m", retry: { initialDelayMs: 1, maxDelayMs: 2 } }, () => "x")();
    expect(r.content).toBe("finally");
    expect(p.fetch.requests).toHaveLength(3);
    const q = createScriptedProvider([{ status: 500 }, { status: 500 }, { status: 500 }, { text: "late" }]);
    const err = await q
      .call({ model: "m", retry: { maxRetries: 2, initialDelayMs: 1 } }, () => "x")()
      .catch((e) => e);
    expect(err.name).toBe("InternalServerError");
    expect(err.status).toBe(500);
    expect(q.fetch.requests).toHaveLength(3);
  });

  it("does not retry a 400, and honours retry: false", async () => {
    const p = createScriptedProvider([{ status: 400, error: "bad" }, { text: "x" }]);
    const err = await p
      .call({ model: "m", retry: { initialDelayMs: 1 } }, () => "x")()
      .catch((e) => e);
    expect(err.status).toBe(400);
    expect(p.fetch.requests).toHaveLength(1);
    const q = createScriptedProvider([{ status: 503 }, { text: "x" }]);
    await expect(q.call({ model: "m", retry: false }, () => "x")()).rejects.toMatchObject({ status: 503 });
    expect(q.fetch.requests).toHaveLength(1);
  });

  it("honours retry-after-ms from the server", async () => {
    const p = createScriptedProvider([{ status: 429, headers: { "retry-after-ms": "30" } }, { text: "ok" }]);
    const start = Date.now();
    await p.call({ model: "m", retry: { initialDelayMs: 1, maxDelayMs: 1 } }, () => "x")();
    expect(Date.now() - start).toBeGreaterThanOrEqual(25);
  });
});
