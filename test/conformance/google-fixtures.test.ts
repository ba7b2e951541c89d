// Every recorded Gemini fixture (test/fixtures/gemini) decoded by the Google provider and compared with
// its .expect.json: whole, and streams also re-chunked at 25 seeded random byte offsets.
//
// Usage mapping (documented in docs/providers-google.md): the fixtures' `output_tokens` is Gemini's
// `candidatesTokenCount`; promptcall's `outputTokens` also counts the thoughts (Gemini bills them as
// output), so it equals output_tokens + reasoning_tokens and `reasoningTokens` equals reasoning_tokens.
import { describe, expect, it } from "vitest";
import { APIError } from "../../src/errors/api-error.ts";
import { NotFoundError } from "../../src/errors/not-found-error.ts";
import { google, type GoogleCallResponse, type GoogleStream } from "../../src/providers/google/index.ts";
import { createReplayFetch, fixtureResponse } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";

interface Expectation {
  transport: "json" | "sse";
  http_status: number;
  id?: string;
  model?: string;
  text?: string;
  finish_reasons?: string[];
  tool_calls?: { id: string | null; name: string; arguments: Record<string, unknown>; has_thought_signature: boolean }[];
  usage?: {
    input_tokens: number;
    output_tokens: number;
    total_tokens: number;
    cached_input_tokens: number | null;
    reasoning_tokens: number | null;
  };
  error?: { code: number; status: string; message: string };
}

const SEEDS = 25;
const cases = Object.keys(fixtures)
  .filter((key) => key.startsWith("gemini/") && key.endsWith(".expect.json"))
  .sort();

function bodyOf(expectKey: string, expectation: Expectation): string {
  const base = expectKey.replace(/\.expect\.json$/, "");
  const text = fixtures[`${base}.${expectation.transport === "sse" ? "sse" : "json"}`];
  if (text === undefined) throw new Error(`fixture body of ${expectKey} is missing`);
  return text;
}

function expectUsage(actual: GoogleCallResponse["usage"], expected: NonNullable<Expectation["usage"]>): void {
  const reasoning = expected.reasoning_tokens ?? 0;
  expect(actual).toBeDefined();
  expect(actual?.inputTokens).toBe(expected.input_tokens);
  expect(actual?.outputTokens).toBe(expected.output_tokens + reasoning);
  expect(actual?.totalTokens).toBe(expected.total_tokens);
  expect(actual?.cachedTokens).toBe(expected.cached_input_tokens ?? 0);
  expect(actual?.reasoningTokens).toBe(expected.reasoning_tokens ?? undefined);
}

function expectDecoded(r: GoogleCallResponse | GoogleStream, expected: Expectation): void {
  expect(r.content).toBe(expected.text);
  expect(r.finishReasons).toEqual(expected.finish_reasons);
  expect(r.id).toBe(expected.id);
  expect(r.model).toBe(expected.model);
  const calls = r.toolCalls;
  expect(calls.map((c) => [c.name, c.args])).toEqual((expected.tool_calls ?? []).map((c) => [c.name, c.arguments]));
  (expected.tool_calls ?? []).forEach((c, i) => {
    expect(calls[i].providerData?.functionCallId).toBe(c.id ?? undefined);
    expect(calls[i].providerData?.thoughtSignature !== undefined).toBe(c.has_thought_signature);
    expect(calls[i].id).toMatch(c.id ? new RegExp(`^${c.id}$`) : /^call_/);
  });
  if (expected.usage) expectUsage(r.usage, expected.usage);
}

function call(fetch: ReturnType<typeof createReplayFetch>) {
  return google.call({ model: "gemini-2.5-flash", retry: false, client: { fetch, apiKey: "test-key" } }, () => "fixture");
}

function streamCall(fetch: ReturnType<typeof createReplayFetch>) {
  return google.call({ model: "gemini-2.5-flash", stream: true, retry: false, client: { fetch, apiKey: "test-key" } }, () => "fixture");
}

describe("google: recorded fixtures decode to their .expect.json", () => {
  it("finds the Gemini fixtures", () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  for (const key of cases) {
    const expected = JSON.parse(fixtures[key]) as Expectation;
    const body = bodyOf(key, expected);

    if (expected.http_status >= 400) {
      it(`${key}: a typed error with status, message and type`, async () => {
        const fetch = createReplayFetch(fixtureResponse(body, { status: expected.http_status }));
        const error = await call(fetch)().catch((e: unknown) => e);
        expect(APIError.isInstance(error)).toBe(true);
        const api = error as APIError;
        expect(api.status).toBe(expected.http_status);
        expect(api.provider).toBe("google");
        expect(api.type).toBe(expected.error?.status);
        expect(api.message).toContain(expected.error!.message.slice(0, 60));
        if (expected.http_status === 404) expect(NotFoundError.isInstance(error)).toBe(true);
        expect(JSON.stringify(api)).not.toContain("test-key");
      });
      continue;
    }

    if (expected.transport === "json") {
      it(`${key}: the response`, async () => {
        const fetch = createReplayFetch(fixtureResponse(body));
        const r = await call(fetch)();
        expectDecoded(r, expected);
        expect(r.cost).toBeGreaterThan(0);
      });
      continue;
    }

    for (let seed = 0; seed <= SEEDS; seed++) {
      const label = seed === 0 ? "whole" : `re-chunked, seed ${seed}`;
      it(`${key}: the stream (${label}) and its constructed response`, async () => {
        const fetch = createReplayFetch(seed === 0 ? fixtureResponse(body) : fixtureResponse(body, { seed, maxChunkSize: 17 }));
        const s = await streamCall(fetch)();
        let chunks = 0;
        for await (const [chunk] of s) {
          chunks++;
          expect(typeof chunk.content).toBe("string");
        }
        expect(chunks).toBeGreaterThan(0);
        expectDecoded(s, expected);
        expectDecoded(s.constructCallResponse(), expected);
      });
    }
  }
});
