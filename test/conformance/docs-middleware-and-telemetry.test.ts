// Runs the samples of docs/middleware-and-telemetry.md verbatim against recorded responses.
import { InMemorySpanExporter, BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defineMiddleware, logCalls, useMiddleware, withMiddleware, type CallLogLine } from "promptcall";
import { openai as realOpenai } from "promptcall/openai";
import { otel } from "promptcall/otel";
import { createReplayFetch, type ReplayResponse } from "promptcall/testing";
import { parrot as realParrot } from "../../examples/custom-provider/parrot-provider.ts";
import { createParrotServer } from "../../examples/custom-provider/parrot-server.ts";
import { fixtures } from "../fixtures/index.ts";
import { replayed } from "./support/docs-support.ts";

const text = (): ReplayResponse => ({ body: fixtures["openai/chat_text.json"], headers: { "content-type": "application/json" } });
const always = () => createReplayFetch(() => text());

const logged: unknown[][] = [];
const originals = { log: console.log, warn: console.warn, error: console.error };
beforeEach(() => {
  logged.length = 0;
  console.log = (...args: unknown[]) => void logged.push(["log", ...args]);
  console.warn = (...args: unknown[]) => void logged.push(["warn", ...args]);
  console.error = (...args: unknown[]) => void logged.push(["error", ...args]);
});
afterEach(() => Object.assign(console, originals));

describe("docs/middleware-and-telemetry.md", () => {
  it("writing and applying a middleware", async () => {
    const openai = replayed(realOpenai, always());
    const exporter = new InMemorySpanExporter();
    const tracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).getTracer("docs");
    const timing = defineMiddleware<{ start: number }>({
      name: "timing",
      onCall(ctx) {
        ctx.state.start = Date.now();
      },
      onRetry(info, ctx) {
        console.warn(`${ctx.provider} retry ${info.attempt} in ${info.delayMs} ms`, info.error);
      },
      onResponse(response, ctx) {
        console.log(`${ctx.model}: ${Date.now() - ctx.state.start} ms, $${response.cost}`);
      },
      onStream(stream, ctx, end) {
        console.log(`${ctx.model}: streamed ${stream.content.length} chars, completed: ${end.completed}`);
      },
      onError(error, ctx) {
        console.error(`${ctx.model} failed after ${Date.now() - ctx.state.start} ms`, error);
      },
    });

    const recommend = openai.call({ model: "gpt-4o-mini", middleware: [timing] }, (genre: string) => `Recommend a ${genre} book`);
    const audited = withMiddleware(recommend, logCalls());
    const stop = useMiddleware(otel({ tracer }));
    await audited("fantasy");
    stop();

    // Stack order: otel (global) ends last, logCalls (withMiddleware) after timing (the option).
    expect(logged.map((l) => l[0])).toEqual(["log", "log"]);
    expect(logged[0][1]).toMatch(/^gpt-4o-mini: \d+ ms, \$0\.\d+$/);
    expect(JSON.parse(logged[1][1] as string)).toMatchObject({ status: "ok", provider: "openai", inputTokens: 16 });
    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(["chat gpt-4o-mini"]);
    await audited("fantasy");
    expect(exporter.getFinishedSpans()).toHaveLength(1);
  });

  it("a Worker that exports spans", async () => {
    const exporter = new InMemorySpanExporter();
    const openai = replayed(realOpenai, always(), null);
    const tracing = new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter)] });
    const telemetry = otel({ tracer: tracing.getTracer("haiku-worker") });

    const worker = {
      async fetch(request: Request, env: { OPENAI_API_KEY: string }, ctx: { waitUntil(promise: Promise<unknown>): void }) {
        const topic = new URL(request.url).searchParams.get("topic") ?? "rain";
        const haiku = openai.call(
          { model: "gpt-4o-mini", client: { apiKey: env.OPENAI_API_KEY }, middleware: [telemetry] },
          (t: string) => `A haiku about ${t}`,
        );
        const response = await haiku(topic);
        // The span ended with the response: export it after the answer is sent.
        ctx.waitUntil(tracing.forceFlush());
        return new Response(response.content);
      },
    };

    const waiting: Promise<unknown>[] = [];
    const answer = await worker.fetch(
      new Request("https://haiku.example/?topic=space"),
      { OPENAI_API_KEY: "sk-env" },
      { waitUntil: (p) => waiting.push(p) },
    );
    expect(await answer.text()).toBe(JSON.parse(fixtures["openai/chat_text.json"]).choices[0].message.content);
    expect(waiting).toHaveLength(1);
    await Promise.all(waiting);
    const [span] = exporter.getFinishedSpans();
    expect(span.name).toBe("chat gpt-4o-mini");
    expect(span.attributes).toMatchObject({
      "gen_ai.provider.name": "openai",
      "gen_ai.usage.input_tokens": 16,
      "gen_ai.usage.output_tokens": 363,
    });
    await tracing.shutdown();
  });

  it("useMiddleware(otel()) with the global tracer provider", async () => {
    const stopTracing = useMiddleware(otel());
    // No SDK registered: the API's no-op tracer; the call is unchanged.
    const openai = replayed(realOpenai, always());
    const r = await openai.call({ model: "gpt-4o-mini" }, () => "hi")();
    stopTracing();
    expect(r.usage?.inputTokens).toBe(16);
  });

  it("a log line per call", async () => {
    const openai = replayed(realOpenai, always());
    const lines: CallLogLine[] = [];
    const ask = openai.call({ model: "gpt-4.1-nano", middleware: [logCalls({ log: (line) => lines.push(line) })] }, (q: string) => q);
    await ask("Invent a holiday");
    // lines[0]: { status: "ok", provider: "openai", model: "gpt-4.1-nano-2025-04-14", ms: 412, stream: false,
    //             retries: 0, inputTokens: 16, outputTokens: 363, costUsd: 0.0001468 }
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
        costUsd: expect.closeTo(0.0001468, 7),
      },
    ]);
  });

  it("recipe: a Langfuse-style generations middleware", async () => {
    const openai = replayed(realOpenai, always());
    /** One "generation" event per call, sent to `ingest` (e.g. a fetch to your backend's ingestion API). */
    function generations(ingest: (event: Record<string, unknown>) => Promise<unknown>) {
      return defineMiddleware<{ startTime: string }>({
        name: "generations",
        onCall(ctx) {
          ctx.state.startTime = new Date().toISOString();
        },
        onResponse(response, ctx) {
          return ingest({
            type: "generation",
            name: ctx.metadata.name ?? "call",
            model: response.model,
            input: ctx.messages,
            output: response.content,
            usage: { input: response.usage?.inputTokens, output: response.usage?.outputTokens },
            costUsd: response.cost,
            startTime: ctx.state.startTime,
            endTime: new Date().toISOString(),
          });
        },
        onError(error, ctx) {
          return ingest({
            type: "generation",
            model: ctx.model,
            level: "ERROR",
            statusMessage: String(error),
            startTime: ctx.state.startTime,
          });
        },
      });
    }

    const sent: Record<string, unknown>[] = [];
    const stopGenerations = useMiddleware(generations(async (event) => sent.push(event)));
    await openai.call({ model: "gpt-4o-mini", metadata: { name: "capital" } }, () => "What is the capital of the UK?")();
    stopGenerations();
    expect(sent).toEqual([
      {
        type: "generation",
        name: "capital",
        model: "gpt-4.1-nano-2025-04-14",
        input: [{ role: "user", content: "What is the capital of the UK?" }],
        output: JSON.parse(fixtures["openai/chat_text.json"]).choices[0].message.content,
        usage: { input: 16, output: 363 },
        costUsd: expect.any(Number),
        startTime: expect.any(String),
        endTime: expect.any(String),
      },
    ]);
  });

  it("custom providers get it for free", async () => {
    const server = createParrotServer();
    const parrot = replayed(realParrot, server.fetch);
    const lines: CallLogLine[] = [];
    const echo = parrot.call({ model: "parrot-1", middleware: [logCalls({ log: (line) => lines.push(line) })] }, (t: string) => t);
    await echo("hello there");
    // lines.at(-1): { status: "ok", provider: "parrot", model: "parrot-1", inputTokens: 5, outputTokens: 4, … }
    expect(lines.at(-1)).toMatchObject({ status: "ok", provider: "parrot", model: "parrot-1", inputTokens: 5, outputTokens: 4 });
    expect(lines.at(-1)?.costUsd).toBeCloseTo((5 * 1 + 4 * 2) / 1e6, 12);
    // Every hook, not only the end: a stream of the custom provider ends with onStream.
    const ends: boolean[] = [];
    const streamed = withMiddleware(
      parrot.call({ model: "parrot-1", stream: true }, (t: string) => t),
      defineMiddleware({
        name: "ends",
        onStream(_stream, _ctx, end) {
          ends.push(end.completed);
        },
      }),
    );
    for await (const _ of await streamed("one two"));
    expect(ends).toEqual([true]);
  });
});
