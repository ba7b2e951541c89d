// Every recorded OpenAI fixture decodes to its .expect.json: whole, and (streams and JSON bodies alike)
// re-chunked at seeded random byte offsets, so no result depends on where the network cuts the body.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { APIError, defineTool, type ToolCallData } from "../../src/index.ts";
import type { Usage } from "../../src/core/usage.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { createReplayFetch, fixtureResponse } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";
import { extraCases } from "./support/decoded-checks.ts";

interface Expected {
  http_status: number;
  transport: "json" | "sse";
  id?: string;
  model?: string;
  text?: string;
  refusal?: string | null;
  finish_reasons?: string[];
  tool_calls?: { id: string; name: string; arguments_raw: string; arguments: Record<string, unknown> }[];
  usage?: { input_tokens: number; output_tokens: number; total_tokens: number; cached_input_tokens: number; reasoning_tokens: number };
  parsed_output?: Record<string, unknown>;
  error?: { type: string; code: string | null; param: string | null; message: string };
}

const getCapital = defineTool({
  name: "get_capital",
  description: "The capital of a country",
  parameters: z.object({ country: z.string() }),
  call: ({ country }) => `capital of ${country}`,
});

const SEEDS = 25;
const cases = extraCases<Expected & { fixture: string }>("openai/");

function client(body: string, status: number, seed?: number) {
  const headers = { "x-request-id": "req_fixture_1" };
  return { apiKey: "test-key", fetch: createReplayFetch(fixtureResponse(body, { status, headers, seed, maxChunkSize: 48 })) };
}

/** What a response and a drained stream both expose. */
interface Decoded {
  id: string | undefined;
  model: string;
  content: string;
  finishReasons: string[];
  toolCalls: ToolCallData[];
  tools: { name: string; args: unknown }[];
  usage: Usage | undefined;
  cost: number | undefined;
}

async function decode(body: string, expected: Expected, seed?: number): Promise<Decoded> {
  if (expected.transport === "json") {
    return openai.call(
      { model: "gpt-4o-mini", tools: [getCapital], client: client(body, expected.http_status, seed), retry: false },
      () => "What is the capital of the UK?",
    )();
  }
  const s = await openai.call(
    { model: "gpt-4o-mini", tools: [getCapital], client: client(body, expected.http_status, seed), retry: false, stream: true },
    () => "What is the capital of the UK?",
  )();
  const tools: string[] = [];
  for await (const [, tool] of s) if (tool) tools.push(tool.name);
  expect(tools).toEqual((expected.tool_calls ?? []).map((c) => c.name));
  return s;
}

function checkDecoded(r: Decoded, expected: Expected) {
  expect(r.id).toBe(expected.id);
  expect(r.model).toBe(expected.model);
  expect(r.content).toBe(expected.text);
  expect(r.finishReasons).toEqual(expected.finish_reasons);
  expect(r.toolCalls.map((c) => ({ id: c.id, name: c.name, args: c.args }))).toEqual(
    (expected.tool_calls ?? []).map((c) => ({ id: c.id, name: c.name, args: c.arguments_raw })),
  );
  expect(r.tools.map((t) => t.args)).toEqual((expected.tool_calls ?? []).map((c) => c.arguments));
  const u = expected.usage!;
  expect(r.usage).toEqual({
    inputTokens: u.input_tokens,
    outputTokens: u.output_tokens,
    totalTokens: u.total_tokens,
    cachedTokens: u.cached_input_tokens,
    reasoningTokens: u.reasoning_tokens,
  });
  expect(r.cost === undefined || r.cost > 0).toBe(true);
}

async function checkError(body: string, expected: Expected, seed?: number) {
  const error = await decode(body, expected, seed).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(APIError.isInstance(error)).toBe(true);
  const e = error as APIError;
  expect(e.status).toBe(expected.http_status);
  expect(e.provider).toBe("openai");
  expect(e.type).toBe(expected.error!.type);
  expect(e.code).toBe(expected.error!.code ?? undefined);
  expect(e.param).toBe(expected.error!.param ?? undefined);
  expect(e.message).toContain(expected.error!.message.replace(/\.$/, ""));
  expect(e.requestId).toBe("req_fixture_1");
  expect(JSON.stringify(e)).not.toContain("test-key");
}

describe("openai fixtures", () => {
  it("finds every OpenAI fixture", () => {
    expect(cases.length).toBeGreaterThanOrEqual(7);
    expect(cases.every((c) => typeof c.body === "string" && c.body.length > 0)).toBe(true);
  });

  for (const { name, body, expected } of cases) {
    const run = (seed?: number) =>
      expected.error ? checkError(body, expected, seed) : decode(body, expected, seed).then((r) => checkDecoded(r, expected));
    it(`${name} decodes to its .expect.json`, () => run());
    it(`${name} decodes the same under ${SEEDS} seeded re-chunkings`, async () => {
      for (let seed = 1; seed <= SEEDS; seed++) await run(seed);
    });
  }

  it("a streamed fixture builds the call response a non-streaming call would have", async () => {
    const s = await openai.call(
      { model: "gpt-4o-mini", tools: [getCapital], client: client(fixtures["openai/chat_stream_tool_call.sse"], 200), stream: true },
      () => "capital?",
    )();
    for await (const _ of s) {
      // drain
    }
    const r = s.constructCallResponse();
    expect(r.raw.object).toBe("chat.completion");
    expect(r.content).toBe("");
    expect(r.finishReasons).toEqual(["tool_calls"]);
    expect(r.tool?.args).toEqual({ country: "UK" });
    expect(r.usage?.totalTokens).toBe(68);
    expect(r.messageParam).toEqual(s.messageParam);
    expect(s.messageParam).toEqual({
      role: "assistant",
      content: null,
      tool_calls: [
        { id: "call_ZR5UUuTt3pf61kjwAJIYdVMj", type: "function", function: { name: "get_capital", arguments: '{"country":"UK"}' } },
      ],
    });
  });

  it("the structured-output fixture parses into the response model", async () => {
    const City = z.object({ city: z.string(), country: z.string() });
    const expected = JSON.parse(fixtures["openai/chat_structured_output_json_schema.expect.json"]) as Expected;
    const fetch = createReplayFetch(fixtureResponse(fixtures["openai/chat_structured_output_json_schema.json"]));
    const city = await openai.call(
      { model: "gpt-4o", responseModel: City, client: { apiKey: "k", fetch } },
      () => "Largest city in Mexico?",
    )();
    expect(city).toEqual(expected.parsed_output);
    const format = (fetch.requests[0].json as { response_format: { type: string; json_schema: { strict: boolean } } }).response_format;
    expect(format.type).toBe("json_schema");
    expect(format.json_schema.strict).toBe(true);
  });

  it("insufficient_quota (429) is not retryable, unlike a rate limit", async () => {
    const quota = fixtures["openai/error_429_insufficient_quota.json"];
    const fetch = createReplayFetch([fixtureResponse(quota, { status: 429 })]);
    const error = await openai
      .call({ model: "gpt-4o-mini", client: { apiKey: "k", fetch } }, () => "hi")()
      .catch((e: unknown) => e);
    expect((error as APIError).isRetryable).toBe(false);
    expect(fetch.requests).toHaveLength(1);
    const limited = JSON.stringify({
      error: { message: "Rate limit reached", type: "requests", param: null, code: "rate_limit_exceeded" },
    });
    const fetch2 = createReplayFetch([fixtureResponse(limited, { status: 429 })]);
    const e2 = await openai
      .call({ model: "gpt-4o-mini", client: { apiKey: "k", fetch: fetch2 }, retry: false }, () => "hi")()
      .catch((e: unknown) => e);
    expect((e2 as APIError).isRetryable).toBe(true);
    expect((e2 as APIError).name).toBe("RateLimitError");
  });
});
