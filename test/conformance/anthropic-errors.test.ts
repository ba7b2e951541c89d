// Errors of the Anthropic provider: HTTP error envelopes (https://docs.anthropic.com/en/api/errors),
// 529 overloaded_error retried, the mid-stream `event: error` (its payload is the docs' example in
// https://docs.anthropic.com/en/docs/build-with-claude/streaming#error-events), truncated and
// malformed streams, and event or delta types this code does not know.
import { describe, expect, it } from "vitest";
import { AuthenticationError } from "../../src/errors/authentication-error.ts";
import { OverloadedError } from "../../src/errors/overloaded-error.ts";
import { ParseError } from "../../src/errors/parse-error.ts";
import { RateLimitError } from "../../src/errors/rate-limit-error.ts";
import { StreamError } from "../../src/errors/stream-error.ts";
import { anthropic } from "../../src/providers/anthropic/index.ts";
import { createReplayFetch, fixtureResponse, type ReplayResponse } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";

const KEY = "sk-ant-secret-123456";

function sse(events: Record<string, unknown>[]): string {
  return events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join("");
}

const errorBody = (type: string, message: string) => JSON.stringify({ type: "error", error: { type, message } });

const head = [
  {
    type: "message_start",
    message: {
      id: "msg_e",
      type: "message",
      role: "assistant",
      content: [],
      model: "claude-haiku-4-5",
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 5, output_tokens: 1 },
    },
  },
  { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
  { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Once upon" } },
  { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: " a time" } },
];
const tail = [
  { type: "content_block_stop", index: 0 },
  { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: 7 } },
  { type: "message_stop" },
];

async function callWith(
  responses: ReplayResponse | ReplayResponse[],
  retry: false | { maxRetries: number; initialDelayMs: number } = false,
) {
  const fetch = createReplayFetch(responses);
  const call = anthropic.call({ model: "claude-haiku-4-5", retry, client: { fetch, apiKey: KEY } }, () => "Hi");
  return { fetch, result: await call().catch((e: unknown) => e) };
}

async function streamWith(body: string, seed?: number) {
  const fetch = createReplayFetch(fixtureResponse(body, { seed, maxChunkSize: 10 }));
  const stream = await anthropic.call({ model: "claude-haiku-4-5", stream: true, client: { fetch, apiKey: KEY } }, () => "Hi")();
  const seen: string[] = [];
  const error = await (async () => {
    for await (const [chunk] of stream) seen.push(chunk.content);
  })().catch((e: unknown) => e);
  return { stream, seen, error, fetch };
}

describe("anthropic HTTP errors", () => {
  it("529 overloaded_error is a retryable OverloadedError with the type, message and request-id", async () => {
    const { result } = await callWith({
      status: 529,
      body: errorBody("overloaded_error", "Overloaded"),
      headers: { "request-id": "req_529" },
    });
    expect(OverloadedError.isInstance(result)).toBe(true);
    const error = result as OverloadedError;
    expect(error.status).toBe(529);
    expect(error.isRetryable).toBe(true);
    expect(error.type).toBe("overloaded_error");
    expect(error.requestId).toBe("req_529");
    expect(error.message).toContain("Overloaded");
  });

  it("529 is retried and the retry's answer is returned", async () => {
    const { fetch, result } = await callWith(
      [{ status: 529, body: errorBody("overloaded_error", "Overloaded") }, fixtureResponse(fixtures["anthropic/text.json"])],
      { maxRetries: 1, initialDelayMs: 1 },
    );
    expect(fetch.requests).toHaveLength(2);
    expect((result as { content: string }).content).toContain("Hi there");
  });

  it("401 authentication_error: AuthenticationError, never retried, the key redacted everywhere", async () => {
    const { fetch, result } = await callWith(
      [
        { status: 401, body: errorBody("authentication_error", `invalid x-api-key ${KEY}`) },
        fixtureResponse(fixtures["anthropic/text.json"]),
      ],
      { maxRetries: 2, initialDelayMs: 1 },
    );
    expect(fetch.requests).toHaveLength(1);
    expect(AuthenticationError.isInstance(result)).toBe(true);
    const error = result as AuthenticationError;
    expect(error.type).toBe("authentication_error");
    expect(error.message).not.toContain(KEY);
    expect(JSON.stringify(error)).not.toContain(KEY);
    expect(JSON.stringify(error.body)).not.toContain(KEY);
  });

  it("429 rate_limit_error: RateLimitError with retry-after", async () => {
    const { result } = await callWith({
      status: 429,
      body: errorBody("rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit"),
      headers: { "retry-after": "7" },
    });
    expect(RateLimitError.isInstance(result)).toBe(true);
    expect((result as RateLimitError).retryAfterMs).toBe(7000);
    expect((result as RateLimitError).type).toBe("rate_limit_error");
  });

  it("an error event mid-stream is a StreamError keeping the text and blocks received", async () => {
    const body = sse([...head, { type: "error", error: { type: "overloaded_error", message: "Overloaded" } }, ...tail]);
    for (const seed of [undefined, 1, 2, 3, 4, 5]) {
      const { seen, error, stream } = await streamWith(body, seed);
      expect(StreamError.isInstance(error)).toBe(true);
      const e = error as StreamError;
      expect(e.provider).toBe("anthropic");
      expect(e.content).toBe("Once upon a time");
      expect(e.type).toBe("overloaded_error");
      expect(e.isRetryable).toBe(true);
      expect(e.message).toContain("Overloaded");
      expect(e.partial).toEqual({ content: [{ type: "text", text: "Once upon a time" }] });
      expect(seen.join("")).toBe("Once upon a time");
      expect(stream.content).toBe("Once upon a time");
    }
  });

  it("a non-retryable error event says so", async () => {
    const body = sse([...head, { type: "error", error: { type: "invalid_request_error", message: "bad" } }]);
    const { error } = await streamWith(body);
    expect(StreamError.isInstance(error)).toBe(true);
    expect((error as StreamError).isRetryable).toBe(false);
  });

  it("a stream cut before message_stop is a retryable StreamError with the text so far", async () => {
    const { error } = await streamWith(sse(head));
    expect(StreamError.isInstance(error)).toBe(true);
    expect((error as StreamError).content).toBe("Once upon a time");
    expect((error as StreamError).isRetryable).toBe(true);
  });

  it("a body that is not a Messages API stream is a StreamError, not a hang or an empty success", async () => {
    const { error } = await streamWith('event: hello\ndata: {"type":"hello"}\n\n');
    expect(StreamError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/message_start/);
  });

  it("invalid JSON in an event is a ParseError keeping the raw data, and cancels the body", async () => {
    const body = `${sse(head)}event: content_block_delta\ndata: {"type": "content_block_delta", "index": 0, "delta": {\n\n${sse(tail)}`;
    const { error, fetch } = await streamWith(body);
    expect(ParseError.isInstance(error)).toBe(true);
    expect((error as ParseError).raw).toContain('"delta": {');
    expect(fetch.requests[0].cancelled).toBe(true);
  });

  it("the chunks read together with an invalid event reach the user before its ParseError", async () => {
    // No seed: the whole body is one network read, so the good deltas and the bad event arrive together.
    const body = `${sse(head)}event: content_block_delta\ndata: not json\n\n${sse(tail)}`;
    const { error, seen, stream } = await streamWith(body);
    expect(seen.join("")).toBe("Once upon a time");
    expect(stream.content).toBe("Once upon a time");
    expect(ParseError.isInstance(error)).toBe(true);
    expect((error as ParseError).message).toBe(
      'Anthropic sent a stream event "content_block_delta" whose data is not valid JSON; the raw text is on `raw`.',
    );
    expect((error as ParseError).raw).toBe("not json");
  });

  it("event data that is JSON but not an object is a ParseError", async () => {
    const { error } = await streamWith(`${sse(head)}event: content_block_delta\ndata: [1]\n\n`);
    expect(ParseError.isInstance(error)).toBe(true);
    expect((error as ParseError).message).toBe(
      'Anthropic sent a stream event "content_block_delta" whose data is not a JSON object; the raw text is on `raw`.',
    );
  });

  it("unknown events, unknown deltas and unknown blocks are passed over without breaking", async () => {
    const body = sse([
      ...head.slice(0, 2),
      { type: "content_block_delta", index: 0, delta: { type: "future_delta", value: 1 } },
      { type: "future_event", payload: { x: 1 } },
      ...head.slice(2),
      { type: "content_block_stop", index: 0 },
      { type: "content_block_start", index: 1, content_block: { type: "future_block", data: "opaque" } },
      { type: "content_block_stop", index: 1 },
      ...tail.slice(1),
    ]);
    const { error, stream } = await streamWith(body, 9);
    expect(error).toBeUndefined();
    expect(stream.content).toBe("Once upon a time");
    expect(stream.finishReasons).toEqual(["end_turn"]);
    expect(stream.messageParam.content).toEqual([
      { type: "text", text: "Once upon a time" },
      { type: "future_block", data: "opaque" },
    ]);
  });
});
