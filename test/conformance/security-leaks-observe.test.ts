// Where a key could leave besides an error: the key-keeping proxy's answers to the page (a good
// answer's body and every header passed back, a 502's message), and what the middleware records
// (`otel()` span status, exception events and recorded content; `logCalls()` lines).
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { logCalls, type CallLogLine } from "../../src/core/middleware/log-calls.ts";
import { otel } from "../../src/otel/index.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { createReplayFetch, fixtureResponse } from "../../src/testing/replay-fetch.ts";
import { splitBytes } from "../../src/testing/split-bytes.ts";
import { createProxyHandler } from "../../src/worker/index.ts";
import { fixtures } from "../fixtures/index.ts";
import { rejection } from "./support/scripted-server.ts";

const KEY = "sk-proj-OBSERVEKEY0123456789abcdefghijklmn";

const post = (path: string, body: unknown) =>
  new Request(`https://worker.example/llm/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** An upstream answer whose body arrives as exactly these chunks. */
function upstream(chunks: string[], init: ResponseInit = {}): Response {
  const encoder = new TextEncoder();
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(encoder.encode(chunks[next++]));
      else controller.close();
    },
  });
  return new Response(body, { headers: { "content-type": "text/event-stream" }, ...init });
}

// OpenRouter's recorded mid-stream error chunk shape (extra/openai-compatible/openrouter_stream_error_chunk_after_length.sse).
const errorEvent = (message: string) =>
  `data: ${JSON.stringify({ id: "g", object: "chat.completion.chunk", error: { code: 401, message }, choices: [] })}\n\n`;
const textEvent = (content: string) =>
  `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;

describe("the proxy never sends its key to the page", () => {
  it("a 200 stream whose error event quotes the key (even cut across chunks) reaches the page without it", async () => {
    const event = errorEvent(`Key ${KEY} was revoked; base64 ${btoa(`user:${KEY}`)}`);
    const cut = event.indexOf(KEY) + 10;
    const handler = createProxyHandler({
      providers: { openai: { apiKey: KEY } },
      fetch: async () => upstream([textEvent("Hi"), event.slice(0, cut), event.slice(cut), "data: [DONE]\n\n"]),
    });
    const response = await handler(post("openai/chat/completions", { model: "m", stream: true }));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('"content":"Hi"');
    expect(text).toContain("data: [DONE]");
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(btoa(`user:${KEY}`).slice(8, 40));
  });

  it("a good stream passes unchanged, and a chunk that ends like the key's start is not held back for good", async () => {
    const parts = [textEvent("Hi"), textEvent(`${KEY.slice(0, 12)}`), "data: [DONE]\n\n"];
    const handler = createProxyHandler({ providers: { openai: { apiKey: KEY } }, fetch: async () => upstream(parts) });
    const response = await handler(post("openai/chat/completions", { model: "m", stream: true }));
    expect(await response.text()).toBe(parts.join(""));
  });

  it("however the body is cut, every copy of the key is replaced and nothing else changes", async () => {
    const text = `${textEvent("é ✓ sk-proj-OBSERVE")}${errorEvent(`${KEY}${KEY} and ${KEY.slice(0, 20)} then ${KEY}`)}data: [DONE]\n\n`;
    const expected = text.split(KEY).join("[redacted]");
    for (let seed = 1; seed <= 30; seed++) {
      const chunks = splitBytes(new TextEncoder().encode(text), { seed, maxChunkSize: 1 + (seed % 9) });
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk);
          controller.close();
        },
      });
      const handler = createProxyHandler({
        providers: { openai: { apiKey: KEY } },
        fetch: async () => new Response(body, { headers: { "content-type": "text/event-stream" } }),
      });
      const response = await handler(post("openai/chat/completions", { model: "m", stream: true }));
      expect(await response.text()).toBe(expected);
    }
  });

  it("headers passed back (request id, rate limits) never carry the key", async () => {
    for (const status of [200, 429]) {
      const headers = { "content-type": "application/json", "x-request-id": `req ${KEY}`, "x-ratelimit-limit-requests": KEY };
      const handler = createProxyHandler({
        providers: { openai: { apiKey: KEY } },
        fetch: async () => new Response(JSON.stringify({ error: { message: "slow down" } }), { status, headers }),
      });
      const response = await handler(post("openai/chat/completions", { model: "m" }));
      const shown = [...response.headers].map(([name, value]) => `${name}: ${value}`);
      expect(shown.join("\n")).not.toContain(KEY);
      await response.body?.cancel();
    }
  });

  it("a 502 for an unreachable upstream does not quote the credentials of the configured URL", async () => {
    const password = "egress-pass-0123456789abcdef";
    const handler = createProxyHandler({
      providers: { openai: { apiKey: KEY, baseURL: `https://proxy:${password}@egress.example/v1` } },
      // Deno's fetch error quotes the URL: "error sending request for url (…)" (denoland/deno#24835).
      fetch: async (url) => {
        throw new TypeError(`error sending request for url (${String(url)})`);
      },
    });
    const response = await handler(post("openai/chat/completions", { model: "m" }));
    expect(response.status).toBe(502);
    expect(await response.text()).not.toContain(password);
  });
});

describe("middleware records no key", () => {
  /** A fetch answering one request with the recorded OpenAI text response. */
  const okFetch = () =>
    createReplayFetch(fixtureResponse(fixtures["openai/chat_text.json"], { headers: { "content-type": "application/json" } }));
  /** A call that used `KEY` first, so the library knows it. */
  const knownKey = () => openai.call({ model: "m", client: { apiKey: KEY, fetch: okFetch() } }, () => "x")();

  it("otel: the span's status, exception event and recorded content of a call whose own code quoted the key", async () => {
    await knownKey();
    const exporter = new InMemorySpanExporter();
    const tracer = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).getTracer("t");
    const fetch = createReplayFetch({ error: new Error(`custom fetch refused ${KEY}`) });
    const failing = openai.call(
      { model: "m", retry: false, client: { apiKey: KEY, fetch }, middleware: [otel({ tracer, recordContent: true })] },
      () => `my key is ${KEY}`,
    );
    await rejection(failing());
    await openai.call(
      { model: "m", client: { apiKey: KEY, fetch: okFetch() }, middleware: [otel({ tracer, recordContent: true })] },
      () => `my key is ${KEY}`,
    )();
    const outputParser = () => {
      throw new Error(`could not parse the answer with ${KEY}`);
    };
    await rejection(
      openai.call({ model: "m", client: { apiKey: KEY, fetch: okFetch() }, middleware: [otel({ tracer })], outputParser }, () => "x")(),
    );
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(3);
    expect(spans[2]!.events.map((e) => e.name)).toEqual(["exception"]);
    const shown = JSON.stringify(spans.map((s) => ({ status: s.status, attributes: s.attributes, events: s.events })));
    expect(shown).not.toContain(KEY);
    expect(shown).toContain("[redacted]");
  });

  it("logCalls: a thrown value that is not an error (a string with the key) is not logged as it is", async () => {
    await knownKey();
    const lines: CallLogLine[] = [];
    const fetch = okFetch();
    const outputParser = () => {
      throw `bad key ${KEY}`;
    };
    const middleware = [logCalls({ log: (line) => lines.push(line) })];
    await rejection(openai.call({ model: "m", client: { apiKey: KEY, fetch }, middleware, outputParser }, () => "x")());
    expect(lines).toHaveLength(1);
    expect(lines[0]!.status).toBe("error");
    expect(JSON.stringify(lines)).not.toContain(KEY);
  });

  it("a middleware's own failure is reported on console.error without the key", async () => {
    await knownKey();
    const reported: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void reported.push(args);
    try {
      const broken = { name: "broken", onResponse: () => Promise.reject(new Error(`exporter refused ${KEY}`)) };
      await openai.call({ model: "m", client: { apiKey: KEY, fetch: okFetch() }, middleware: [broken] }, () => "x")();
    } finally {
      console.error = original;
    }
    expect(reported).toHaveLength(1);
    const shown = reported[0]!.map((arg) => (arg instanceof Error ? `${arg.message}\n${arg.stack}` : String(arg))).join("\n");
    expect(shown).toContain("exporter refused [redacted]");
    expect(shown).not.toContain(KEY);
  });
});
