// promptcall/otel: one span per call with the GenAI semantic-convention attributes, captured by the
// OTel SDK's in-memory exporter, for recorded OpenAI, Anthropic and Gemini responses (test/fixtures/).
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { anthropic } from "promptcall/anthropic";
import { google } from "promptcall/google";
import { openai } from "promptcall/openai";
import { genAiProviderName, otel } from "promptcall/otel";
import { createReplayFetch, type ReplayResponse } from "promptcall/testing";
import { fixtures } from "../fixtures/index.ts";

/** A tracer whose spans land in an in-memory exporter (passed explicitly: no global provider). */
function tracing() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return { exporter, tracer: provider.getTracer("test") };
}

const json = (path: string): ReplayResponse => ({ body: fixtures[path], headers: { "content-type": "application/json" } });

describe("otel() spans", () => {
  it("an OpenAI response: `chat {model}`, CLIENT, the GenAI attributes and the cost", async () => {
    const { exporter, tracer } = tracing();
    const call = openai.call(
      {
        model: "gpt-4.1-nano",
        params: { temperature: 0.2, maxTokens: 500 },
        client: { fetch: createReplayFetch(json("openai/chat_text.json")), apiKey: "k" },
        middleware: [otel({ tracer })],
      },
      () => "Invent a holiday",
    );
    const response = await call();
    const [span] = exporter.getFinishedSpans();
    expect(exporter.getFinishedSpans()).toHaveLength(1);
    expect(span.name).toBe("chat gpt-4.1-nano");
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(response.cost).toBeGreaterThan(0);
    expect(span.attributes).toEqual({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "gpt-4.1-nano",
      "gen_ai.request.temperature": 0.2,
      "gen_ai.request.max_tokens": 500,
      "gen_ai.response.model": "gpt-4.1-nano-2025-04-14",
      "gen_ai.response.id": "chatcmpl-D8Z5f52zQqikDBEKQMQoYcWMcWPeU",
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.input_tokens": 16,
      "gen_ai.usage.output_tokens": 363,
      "promptcall.cost_usd": response.cost,
    });
  });

  it("an Anthropic response", async () => {
    const { exporter, tracer } = tracing();
    const call = anthropic.call(
      {
        model: "claude-haiku-4-5",
        client: { fetch: createReplayFetch(json("anthropic/text.json")), apiKey: "k" },
        middleware: [otel({ tracer })],
      },
      () => "Hello",
    );
    const response = await call();
    const [span] = exporter.getFinishedSpans();
    expect(span.name).toBe("chat claude-haiku-4-5");
    expect(response.cost).toBeGreaterThan(0);
    expect(span.attributes).toEqual({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "anthropic",
      "gen_ai.request.model": "claude-haiku-4-5",
      "gen_ai.response.model": "claude-haiku-4-5-20251001",
      "gen_ai.response.id": "msg_01PDYHzNnqSLAXuK8NNtC5MA",
      "gen_ai.response.finish_reasons": ["end_turn"],
      "gen_ai.usage.input_tokens": 8,
      "gen_ai.usage.output_tokens": 21,
      "promptcall.cost_usd": response.cost,
    });
  });

  it("a Gemini response (output tokens include the thinking tokens)", async () => {
    const { exporter, tracer } = tracing();
    const call = google.call(
      {
        model: "gemini-2.5-flash",
        client: { fetch: createReplayFetch(json("gemini/generate_text.json")), apiKey: "k" },
        middleware: [otel({ tracer })],
      },
      () => "Hello",
    );
    const response = await call();
    const [span] = exporter.getFinishedSpans();
    expect(span.name).toBe("chat gemini-2.5-flash");
    expect(response.cost).toBeGreaterThan(0);
    expect(span.attributes).toEqual({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "gcp.gemini",
      "gen_ai.request.model": "gemini-2.5-flash",
      "gen_ai.response.model": "gemini-2.5-flash",
      "gen_ai.response.id": "bzlXaa_EE_aHqtsPi_zw8Ao",
      "gen_ai.response.finish_reasons": ["STOP"],
      "gen_ai.usage.input_tokens": 9,
      "gen_ai.usage.output_tokens": 43,
      "promptcall.cost_usd": response.cost,
    });
  });

  it("a stream: the span ends when the stream is exhausted, with its usage", async () => {
    const { exporter, tracer } = tracing();
    const call = openai.call(
      {
        model: "gpt-4o-mini",
        stream: true,
        client: { fetch: createReplayFetch({ body: fixtures["openai/chat_stream_text.sse"] }), apiKey: "k" },
        middleware: [otel({ tracer })],
      },
      () => "Capital of the UK?",
    );
    const stream = await call();
    for await (const _ of stream) expect(exporter.getFinishedSpans()).toHaveLength(0);
    const [span] = exporter.getFinishedSpans();
    expect(span.attributes).toMatchObject({
      "gen_ai.response.model": "gpt-4o-mini-2024-07-18",
      "gen_ai.response.id": "chatcmpl-Dx0Xq5Xx9rHB2ehcHZCRDsnuymUXc",
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.input_tokens": 78,
      "gen_ai.usage.output_tokens": 9,
    });
    expect(span.attributes["promptcall.stream.completed"]).toBeUndefined();
  });

  it("an error: error.type, status ERROR, the exception recorded; a retry is an event", async () => {
    const { exporter, tracer } = tracing();
    const fetch = createReplayFetch([
      { status: 429, body: '{"error":{"message":"slow down"}}' },
      { status: 404, body: fixtures["openai/error_404_model_not_found.json"] },
    ]);
    const call = openai.call(
      {
        model: "gpt-5.2-proo",
        retry: { initialDelayMs: 1, maxDelayMs: 2 },
        client: { fetch, apiKey: "k" },
        middleware: [otel({ tracer })],
      },
      () => "hi",
    );
    const error = await call().catch((e: unknown) => e);
    const [span] = exporter.getFinishedSpans();
    expect(span.attributes["error.type"]).toBe("NotFoundError");
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    expect(span.events.map((e) => e.name)).toEqual(["promptcall.retry", "exception"]);
    expect(span.events[0].attributes).toMatchObject({ "promptcall.retry.attempt": 1, "error.type": "RateLimitError" });
    expect(span.attributes["gen_ai.response.id"]).toBeUndefined();
  });

  it("message content only with recordContent: true", async () => {
    const { exporter, tracer } = tracing();
    const make = (recordContent: boolean) =>
      anthropic.call(
        {
          model: "claude-haiku-4-5",
          client: { fetch: createReplayFetch(json("anthropic/text.json")), apiKey: "k" },
          middleware: [otel({ tracer, recordContent })],
        },
        () => "Hello",
      )();
    await make(false);
    await make(true);
    const [plain, recorded] = exporter.getFinishedSpans();
    expect(plain.attributes["gen_ai.input.messages"]).toBeUndefined();
    expect(plain.attributes["gen_ai.output.messages"]).toBeUndefined();
    expect(JSON.parse(recorded.attributes["gen_ai.input.messages"] as string)).toEqual([
      { role: "user", parts: [{ type: "text", content: "Hello" }] },
    ]);
    expect(JSON.parse(recorded.attributes["gen_ai.output.messages"] as string)).toEqual([
      {
        role: "assistant",
        parts: [{ type: "text", content: "Hi there! How are you doing today? Is there anything I can help you with?" }],
        finish_reason: "end_turn",
      },
    ]);
  });

  it("maps provider names to the conventions' gen_ai.provider.name values", () => {
    const names = [
      "openai",
      "anthropic",
      "google",
      "vertex",
      "vertex-anthropic",
      "bedrock",
      "azure",
      "groq",
      "xai",
      "deepseek",
      "mistral",
      "parrot",
    ];
    expect(names.map(genAiProviderName)).toEqual([
      "openai",
      "anthropic",
      "gcp.gemini",
      "gcp.vertex_ai",
      "gcp.vertex_ai",
      "aws.bedrock",
      "azure.ai.openai",
      "groq",
      "x_ai",
      "deepseek",
      "mistral_ai",
      "parrot",
    ]);
  });
});
