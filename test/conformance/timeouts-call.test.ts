// The `timeout` option (DESIGN.md, Reliability): attempt limits are retried, idle limits end a
// stalled body with the text so far, a total limit bounds retries and backoff and is not retried;
// a user's own AbortSignal.timeout stays an abort; llm.fallback moves on after a TimeoutError.
// Every case runs against the local test server's /script route (it never answers, or stalls).
import { describe, expect, it } from "vitest";
import { PromptcallError, TimeoutError } from "../../src/errors/index.ts";
import { DEFAULT_TIMEOUTS } from "../../src/http/timeouts.ts";
import { llm } from "../../src/llm/index.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { fixtures } from "../fixtures/index.ts";
import { rejection, scriptedBaseURL, sseEventsOf, uniqueId, type Script } from "./support/scripted-server.ts";

const chatJson = fixtures["openai/chat_text.json"];
const events = sseEventsOf("openai/chat_stream_text.sse");

const ask = (script: Script, options: Record<string, unknown> = {}): Promise<unknown> =>
  openai.call({ model: "gpt-4o-mini", client: { apiKey: "sk-test-timeouts", baseURL: scriptedBaseURL(script) }, ...options }, () => "Hi")();

const hits = async (id: string) => {
  const response = await fetch(`${scriptedBaseURL({ id, status: 204 })}`.replace(/\/script\/.*/, `/count?id=script:${id}`));
  return ((await response.json()) as { count: number }).count;
};

describe("timeouts", () => {
  it("a server that never answers ends in TimeoutError (phase attempt) instead of hanging", async () => {
    const started = Date.now();
    const error = (await rejection(ask({ hang: true }, { timeout: 100, retry: false }))) as TimeoutError;
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ name: "TimeoutError", phase: "attempt", timeoutMs: 100, isRetryable: true });
    expect(error.message).toMatch(/timeout\.attemptMs/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("an attempt timeout is retried: the second attempt answers", async () => {
    const id = uniqueId("attempt-retry");
    const response = (await ask(
      { id, hangHits: 1, type: "application/json", parts: [chatJson] },
      { timeout: { attemptMs: 150 }, retry: { maxRetries: 2, initialDelayMs: 1 } },
    )) as { content: string };
    expect(response.content).toMatch(/^\*\*Holiday Name:\*\* Galaxy Day/);
  });

  it("a stream that stalls ends in TimeoutError (phase idle) keeping the text so far", async () => {
    const stream = (await ask({ parts: events.slice(0, 4), end: "stall" }, { stream: true, timeout: { idleMs: 150 } })) as AsyncIterable<
      [{ content: string }]
    > & { content: string };
    let text = "";
    const error = (await rejection(
      (async () => {
        for await (const [chunk] of stream) text += chunk.content;
      })(),
    )) as TimeoutError;
    expect(error).toMatchObject({ name: "TimeoutError", phase: "idle", timeoutMs: 150 });
    expect(text).toBe("The capital of");
    expect(error.content).toBe("The capital of");
  });

  it("a JSON body that stalls half-way ends in TimeoutError (phase idle)", async () => {
    const error = await rejection(
      ask({ type: "application/json", parts: [chatJson.slice(0, 100)], end: "stall" }, { timeout: { idleMs: 150 } }),
    );
    expect(error).toMatchObject({ name: "TimeoutError", phase: "idle", timeoutMs: 150 });
  });

  it("a total limit bounds attempts and retry waits, and is not retried", async () => {
    const id = uniqueId("total");
    const started = Date.now();
    const error = await rejection(
      ask({ id, hang: true }, { timeout: { attemptMs: 100, totalMs: 350 }, retry: { maxRetries: 50, initialDelayMs: 10, maxDelayMs: 10 } }),
    );
    expect(error).toMatchObject({ name: "TimeoutError", phase: "total", timeoutMs: 350, isRetryable: false });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(await hits(id)).toBeGreaterThanOrEqual(2);
  });

  it("a total limit also ends a stream that keeps trickling", async () => {
    const parts = events.slice(0, 9);
    const stream = (await ask({ parts, delayMs: 120 }, { stream: true, timeout: { totalMs: 300 } })) as AsyncIterable<unknown>;
    const error = await rejection(
      (async () => {
        for await (const _ of stream);
      })(),
    );
    expect(error).toMatchObject({ name: "TimeoutError", phase: "total", timeoutMs: 300 });
  });

  it("a user's AbortSignal.timeout stays an abort: not a TimeoutError class instance, not retried", async () => {
    const id = uniqueId("user-timeout");
    const error = await rejection(
      ask({ id, hang: true }, { signal: AbortSignal.timeout(100), retry: { maxRetries: 3, initialDelayMs: 1 } }),
    );
    expect(PromptcallError.isInstance(error)).toBe(false);
    expect((error as Error).name).toBe("TimeoutError"); // the DOMException AbortSignal.timeout uses
    expect(await hits(id)).toBe(1);
  });

  it("llm.fallback moves on after a TimeoutError, even a total one", async () => {
    const primary = llm.call(
      {
        provider: "openai",
        model: "gpt-4o-mini",
        client: { apiKey: "k", baseURL: scriptedBaseURL({ hang: true }) },
        timeout: { totalMs: 150 },
      },
      () => "Hi",
    );
    const sturdy = llm.fallback(primary, [
      {
        provider: "openai",
        model: "gpt-4.1-nano",
        client: { apiKey: "k", baseURL: scriptedBaseURL({ type: "application/json", parts: [chatJson] }) },
      },
    ]);
    const response = (await sturdy()) as { content: string };
    expect(response.content).toMatch(/Galaxy Day/);
  });

  it("rejects a timeout that is not a positive number of milliseconds", async () => {
    for (const timeout of [0, -5, Number.NaN, { idleMs: -1 }, { totalMs: "10" }]) {
      const error = await rejection(ask({ hang: true }, { timeout, retry: false }));
      expect(PromptcallError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(/timeout\.\w+Ms must be a positive number/);
    }
  });

  it("docs/errors-and-retries.md: setting the limits, and a stalled stream's text", async () => {
    const fn = () => "Hi";
    const careful = openai.call({ model: "o3", timeout: { attemptMs: 120_000, idleMs: 60_000, totalMs: 600_000 } }, fn);
    const quick = openai.call({ model: "gpt-4o-mini", timeout: 15_000 }, fn); // attemptMs
    expect([careful.options, quick.options]).toMatchObject([{ timeout: { idleMs: 60_000 } }, { timeout: 15_000 }]);

    const client = { apiKey: "k", baseURL: scriptedBaseURL({ parts: events.slice(0, 3), end: "stall" }) };
    const stream = await openai.call({ model: "gpt-4o-mini", stream: true, client, timeout: { idleMs: 100 } }, fn)();
    let shown = "";
    let kept = "";
    const show = (text: string) => {
      shown += text;
    };
    const keep = (text: string) => {
      kept = text;
    };
    try {
      for await (const [chunk] of stream) show(chunk.content);
    } catch (error) {
      if (TimeoutError.isInstance(error) && error.phase === "idle") keep(error.content);
      else throw error;
    }
    expect([shown, kept]).toEqual(["The capital", "The capital"]);
  });

  it("has documented defaults generous enough for slow reasoning models", () => {
    expect(DEFAULT_TIMEOUTS).toEqual({ attemptMs: 600_000, idleMs: 300_000, totalMs: Number.POSITIVE_INFINITY });
  });
});
