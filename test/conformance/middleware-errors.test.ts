// A middleware that throws (or rejects) is reported once and never changes the call or its stream.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defineMiddleware, logCalls, type CallLogLine } from "promptcall";
import { openai } from "promptcall/openai";
import { createReplayFetch } from "promptcall/testing";
import { fixtures } from "../fixtures/index.ts";

const reported: unknown[][] = [];
const originalError = console.error;
beforeEach(() => {
  reported.length = 0;
  console.error = (...args: unknown[]) => void reported.push(args);
});
afterEach(() => {
  console.error = originalError;
});

const textFetch = () => createReplayFetch({ body: fixtures["openai/chat_text.json"], headers: { "content-type": "application/json" } });
const streamFetch = () => createReplayFetch({ body: fixtures["openai/chat_stream_text.sse"] });
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("a failing middleware", () => {
  it("throwing in onCall: reported once with its name, its later hooks skipped, the others and the call unharmed", async () => {
    const seen: string[] = [];
    const broken = defineMiddleware({
      name: "broken",
      onCall() {
        throw new Error("boom");
      },
      onResponse: () => void seen.push("broken.onResponse"),
    });
    const healthy = defineMiddleware({ name: "healthy", onResponse: (r) => void seen.push(`healthy ${r.model}`) });
    const call = openai.call(
      { model: "gpt-4.1-nano", client: { fetch: textFetch(), apiKey: "k" }, middleware: [broken, healthy] },
      () => "hi",
    );
    const response = await call();
    expect(response.model).toBe("gpt-4.1-nano-2025-04-14");
    expect(seen).toEqual(["healthy gpt-4.1-nano-2025-04-14"]);
    expect(reported).toHaveLength(1);
    expect(String(reported[0][0])).toContain('middleware "broken" threw in onCall');
    expect((reported[0][1] as Error).message).toBe("boom");
  });

  it("a rejected async end hook is reported, and the result is the same object", async () => {
    let handed: unknown;
    const slow = defineMiddleware({
      name: "slow",
      async onResponse(response) {
        handed = response;
        await tick();
        throw new Error("exporter down");
      },
    });
    const response = await openai.call(
      { model: "gpt-4.1-nano", client: { fetch: textFetch(), apiKey: "k" }, middleware: [slow] },
      () => "hi",
    )();
    expect(handed).toBe(response);
    await tick();
    await tick();
    expect(reported).toHaveLength(1);
    expect(String(reported[0][0])).toContain('middleware "slow" threw in onResponse');
  });

  it("throwing in onStream never breaks the stream; throwing in onError never replaces the error", async () => {
    const thrower = defineMiddleware({
      name: "thrower",
      onStream() {
        throw new Error("bad onStream");
      },
      onError() {
        throw new Error("bad onError");
      },
    });
    const stream = await openai.call(
      { model: "gpt-4o-mini", stream: true, client: { fetch: streamFetch(), apiKey: "k" }, middleware: [thrower] },
      () => "hi",
    )();
    let text = "";
    for await (const [chunk] of stream) text += chunk.content;
    expect(text).toBe("The capital of the UK is London.");
    expect(reported).toHaveLength(1);

    const failing = createReplayFetch({ status: 404, body: fixtures["openai/error_404_model_not_found.json"] });
    const error = await openai
      .call({ model: "gpt-5.2-proo", client: { fetch: failing, apiKey: "k" }, middleware: [thrower] }, () => "hi")()
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe("NotFoundError");
    expect(reported).toHaveLength(2);
    expect(String(reported[1][0])).toContain('middleware "thrower" threw in onError');
  });
});

describe("logCalls", () => {
  it("logs one structured line per call: provider, model, ms, tokens, cost, status", async () => {
    const lines: CallLogLine[] = [];
    const log = logCalls({ log: (line) => lines.push(line) });
    await openai.call({ model: "gpt-4.1-nano", client: { fetch: textFetch(), apiKey: "k" }, middleware: [log] }, () => "hi")();
    const stream = await openai.call(
      { model: "gpt-4o-mini", stream: true, client: { fetch: streamFetch(), apiKey: "k" }, middleware: [log] },
      () => "hi",
    )();
    for await (const _ of stream);
    const failing = createReplayFetch({ status: 404, body: fixtures["openai/error_404_model_not_found.json"] });
    await openai
      .call({ model: "gpt-5.2-proo", client: { fetch: failing, apiKey: "k" }, middleware: [log] }, () => "hi")()
      .catch(() => {});
    expect(lines).toEqual([
      {
        status: "ok",
        provider: "openai",
        model: "gpt-4.1-nano-2025-04-14",
        ms: expect.any(Number),
        stream: false,
        retries: 0,
        inputTokens: 16,
        outputTokens: 363,
        costUsd: expect.any(Number),
      },
      {
        status: "ok",
        provider: "openai",
        model: "gpt-4o-mini-2024-07-18",
        ms: expect.any(Number),
        stream: true,
        retries: 0,
        inputTokens: 78,
        outputTokens: 9,
        costUsd: expect.any(Number),
      },
      {
        status: "error",
        provider: "openai",
        model: "gpt-5.2-proo",
        ms: expect.any(Number),
        stream: false,
        retries: 0,
        error: "NotFoundError",
      },
    ]);
    expect(lines[0].ms).toBeGreaterThanOrEqual(0);
  });

  it("writes JSON lines to console.log by default", async () => {
    const original = console.log;
    const logged: unknown[][] = [];
    console.log = (...args: unknown[]) => void logged.push(args);
    try {
      await openai.call({ model: "gpt-4.1-nano", client: { fetch: textFetch(), apiKey: "k" }, middleware: [logCalls()] }, () => "hi")();
    } finally {
      console.log = original;
    }
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0][0] as string)).toMatchObject({ status: "ok", provider: "openai", inputTokens: 16 });
  });
});
