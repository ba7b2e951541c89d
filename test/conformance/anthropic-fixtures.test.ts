// Every recorded Anthropic fixture decodes to its .expect.json: whole, under seeded random
// re-chunking, and in transformed variants (odd JSON whitespace, multi-line data, CRLF, a final
// event without its trailing blank line).
import { describe, expect, it } from "vitest";
import { APIError } from "../../src/errors/api-error.ts";
import { NotFoundError } from "../../src/errors/not-found-error.ts";
import { anthropic } from "../../src/providers/anthropic/index.ts";
import { createReplayFetch, fixtureResponse } from "../../src/testing/replay-fetch.ts";
import { extraCases } from "./support/decoded-checks.ts";

interface ExpectedUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number | null;
  cache_read_input_tokens: number | null;
}

interface Expected {
  fixture: string;
  transport: "json" | "sse";
  http_status: number;
  id?: string;
  model?: string;
  text?: string;
  text_blocks?: string[];
  finish_reasons?: string[];
  tool_calls?: { index?: number; id: string; name: string; arguments_raw?: string; arguments: Record<string, unknown> }[];
  usage?: ExpectedUsage;
  error?: { type: string; message: string; request_id?: string } | null;
  stream?: { event_counts: Record<string, number> };
}

const SEEDS = 25;
const cases = extraCases<Expected>("anthropic/");

/** Our Usage for the fixture's raw usage (inputTokens includes cache reads and writes). */
function expectedUsage(u: ExpectedUsage) {
  const read = u.cache_read_input_tokens ?? 0;
  const write = u.cache_creation_input_tokens ?? 0;
  const input = u.input_tokens + read + write;
  const usage: Record<string, number> = {
    inputTokens: input,
    outputTokens: u.output_tokens,
    cachedTokens: read,
    totalTokens: input + u.output_tokens,
  };
  if (u.cache_creation_input_tokens !== null) usage.cacheWriteTokens = write;
  return usage;
}

function client(fetch: typeof globalThis.fetch) {
  return { fetch, apiKey: "test-key" };
}

async function decodeJson(body: string, status: number, headers?: Record<string, string>) {
  const fetch = createReplayFetch(fixtureResponse(body, { status, headers }));
  return anthropic.call({ model: "claude-haiku-4-5", client: client(fetch), retry: false }, () => "Hello")();
}

async function decodeStream(body: string, seed?: number, maxChunkSize?: number) {
  const fetch = createReplayFetch(fixtureResponse(body, { seed, maxChunkSize }));
  const stream = await anthropic.call({ model: "claude-haiku-4-5", stream: true, client: client(fetch) }, () => "Hello")();
  const types: string[] = [];
  for await (const [chunk] of stream) types.push(chunk.type);
  return { stream, types };
}

function checkStream(result: Awaited<ReturnType<typeof decodeStream>>, e: Expected) {
  const { stream, types } = result;
  expect(stream.id).toBe(e.id);
  expect(stream.model).toBe(e.model);
  expect(stream.content).toBe(e.text);
  expect(stream.contentBlocks.filter((b) => b.type === "text").map((b) => (b as { text: string }).text)).toEqual(e.text_blocks);
  expect(stream.finishReasons).toEqual(e.finish_reasons);
  expect(stream.usage).toEqual(expectedUsage(e.usage!));
  expect(stream.toolCalls.map((c) => ({ id: c.id, name: c.name, raw: c.args, args: JSON.parse(c.args as string) }))).toEqual(
    (e.tool_calls ?? []).map((c) => ({ id: c.id, name: c.name, raw: c.arguments_raw, args: c.arguments })),
  );
  for (const call of e.tool_calls ?? [])
    expect(stream.contentBlocks[call.index!]).toMatchObject({ type: "tool_use", id: call.id, input: call.arguments });
  // Every event but `ping` becomes a chunk.
  const counts: Record<string, number> = {};
  for (const type of types) counts[type] = (counts[type] ?? 0) + 1;
  const { ping: _ping, ...withoutPing } = e.stream!.event_counts;
  expect(counts).toEqual(withoutPing);
  const response = stream.constructCallResponse();
  expect(response.content).toBe(e.text);
  expect(response.usage).toEqual(expectedUsage(e.usage!));
  expect(response.finishReasons).toEqual(e.finish_reasons);
}

/** Rewrites each `data:` payload of an SSE text. */
function mapData(sse: string, rewrite: (json: string) => string): string {
  return sse.replace(/^data: (.*)$/gm, (_, json: string) => rewrite(json));
}

/** JSON with tabs and spaces around every token (strings untouched). */
function spaced(value: unknown): string {
  if (Array.isArray(value)) return `[ ${value.map(spaced).join(" ,\t")} ]`;
  if (typeof value === "object" && value !== null) {
    return `{\t${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)} :\t${spaced(v)}`)
      .join(" , ")} }`;
  }
  return JSON.stringify(value);
}

const variants: Record<string, (sse: string) => string> = {
  "pretty JSON over several data: lines": (sse) =>
    mapData(sse, (json) =>
      JSON.stringify(JSON.parse(json), null, "\t")
        .split("\n")
        .map((line) => `data: ${line}`)
        .join("\n"),
    ),
  "padded JSON and no space after data:": (sse) => mapData(sse, (json) => `data:  \t ${spaced(JSON.parse(json))}  `),
  "no trailing blank line after the final event": (sse) => sse.replace(/\n+$/, ""),
  "no line break at all after the final event, CRLF line endings": (sse) => sse.replace(/\n+$/, "").replace(/\n/g, "\r\n"),
};

describe("anthropic fixtures", () => {
  it("finds the Anthropic fixtures", () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
    expect(cases.filter((c) => c.expected.transport === "sse").length).toBeGreaterThanOrEqual(2);
  });

  for (const { name, expected: e, body } of cases) {
    if (e.transport === "json" && e.http_status === 200) {
      it(`${name}: the response decodes to the expected result`, async () => {
        const response = await decodeJson(body, 200);
        expect(response.id).toBe(e.id);
        expect(response.model).toBe(e.model);
        expect(response.content).toBe(e.text);
        expect(response.raw.content.filter((b) => b.type === "text").map((b) => (b as { text: string }).text)).toEqual(e.text_blocks);
        expect(response.finishReasons).toEqual(e.finish_reasons);
        expect(response.usage).toEqual(expectedUsage(e.usage!));
        expect(response.toolCalls).toEqual((e.tool_calls ?? []).map((c) => ({ id: c.id, name: c.name, args: c.arguments })));
        expect(response.messageParam).toEqual({ role: "assistant", content: response.raw.content });
      });
    } else if (e.transport === "json") {
      it(`${name}: the HTTP ${e.http_status} body becomes a typed error`, async () => {
        const error = await decodeJson(body, e.http_status).catch((err: unknown) => err);
        expect(APIError.isInstance(error)).toBe(true);
        const apiError = error as APIError;
        if (e.http_status === 404) expect(NotFoundError.isInstance(error)).toBe(true);
        expect(apiError.status).toBe(e.http_status);
        expect(apiError.provider).toBe("anthropic");
        expect(apiError.type).toBe(e.error!.type);
        expect(apiError.message).toContain(e.error!.message);
        expect(apiError.requestId).toBe(e.error!.request_id);
        expect(apiError.isRetryable).toBe(false);
      });
      it(`${name}: the request-id header names the request`, async () => {
        const error = (await decodeJson(body, e.http_status, { "request-id": "req_header" }).catch((err: unknown) => err)) as APIError;
        expect(error.requestId).toBe("req_header");
      });
    } else {
      it(`${name}: the stream decodes whole`, async () => {
        checkStream(await decodeStream(body), e);
      });
      it(`${name}: the stream decodes under ${SEEDS} seeded re-chunkings`, async () => {
        for (let seed = 1; seed <= SEEDS; seed++) checkStream(await decodeStream(body, seed, 1 + (seed % 7) * 9), e);
      });
      for (const [label, transform] of Object.entries(variants)) {
        it(`${name}: ${label}, whole and re-chunked`, async () => {
          const text = transform(body);
          expect(text).not.toBe(body);
          checkStream(await decodeStream(text), e);
          for (let seed = 1; seed <= 5; seed++) checkStream(await decodeStream(text, seed, 5), e);
        });
      }
    }
  }
});
