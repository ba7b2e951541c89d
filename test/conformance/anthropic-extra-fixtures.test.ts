// Real Anthropic responses beyond the base fixtures (test/fixtures/extra/anthropic/, sources in
// test/fixtures/extra/SOURCES.md): redacted and signed thinking streams, prompt-cache reads and
// writes (5-minute and 1-hour), refusals, tools without arguments, a tool_use with `caller`, tool
// input with escaped quotes, server tools (web_fetch) beside client tools, usage that changes in
// message_delta, 400 and 529 error bodies, and an `error` event in a stream. Each decodes to its hand-written .expect.json: JSON bodies
// once, streams whole and under seeded re-chunkings; the assistant message then goes back into a
// next request unchanged.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool } from "../../src/core/tools/tool.ts";
import type { Usage } from "../../src/core/usage.ts";
import { APIError } from "../../src/errors/api-error.ts";
import { StreamError } from "../../src/errors/stream-error.ts";
import type { AnthropicMessage, AnthropicMessageParam } from "../../src/providers/anthropic/api.ts";
import { anthropic } from "../../src/providers/anthropic/index.ts";
import { createReplayFetch, fixtureResponse } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";
import { extraCases } from "./support/decoded-checks.ts";

interface ExpectedToolCall {
  id: string;
  name: string;
  arguments_raw?: string;
  arguments: Record<string, unknown>;
}

interface Expected {
  fixture: string;
  transport: "json" | "sse";
  http_status: number;
  id?: string;
  model?: string;
  text?: string;
  thinking?: string;
  finish_reasons?: string[];
  common_finish_reasons?: string[];
  tool_calls?: ExpectedToolCall[];
  usage?: Usage;
  /** The call's cost in USD, where the expect file states it. */
  cost_usd?: number;
  content_blocks?: Record<string, unknown>[];
  stream?: { events: number; event_counts: Record<string, number> };
  error?: { class: string; type: string; message: string; request_id: string; retryable: boolean };
  stream_error?: { class: string; type: string; message: string; retryable: boolean };
}

const DIR = "extra/anthropic/";
const SEEDS = 10;
const MODEL = "claude-haiku-4-5";

const cases = extraCases<Expected>(DIR);

/** What a response, a drained stream and a constructed response all decode the same way. */
function checkFields(
  r: {
    id?: string;
    model: string;
    content: string;
    thinking: string;
    finishReasons: string[];
    commonFinishReasons: string[];
    usage?: Usage;
  },
  e: Expected,
) {
  expect(r.id).toBe(e.id);
  expect(r.model).toBe(e.model);
  expect(r.content).toBe(e.text);
  expect(r.thinking).toBe(e.thinking);
  expect(r.finishReasons).toEqual(e.finish_reasons);
  expect(r.commonFinishReasons).toEqual(e.common_finish_reasons);
  expect(r.usage).toEqual(e.usage);
}

/** A tool for each expected call, accepting any object, so the stream yields validated tool instances. */
function toolsFor(e: Expected) {
  const names = [...new Set((e.tool_calls ?? []).map((c) => c.name))];
  return names.map((name) => defineTool({ name, description: `The ${name} tool`, parameters: z.looseObject({}), call: () => "ok" }));
}

function options(e: Expected, fetch: typeof globalThis.fetch) {
  const tools = toolsFor(e);
  return { model: MODEL, client: { fetch, apiKey: "test-key" }, retry: false as const, ...(tools.length > 0 ? { tools } : {}) };
}

async function decodeJson(e: Expected, body: string) {
  const fetch = createReplayFetch(fixtureResponse(body, { status: e.http_status }));
  return anthropic.call(options(e, fetch), () => "Hello")();
}

async function decodeStream(e: Expected, body: string, seed?: number) {
  const fetch = createReplayFetch(fixtureResponse(body, seed === undefined ? {} : { seed, maxChunkSize: 1 + (seed % 5) * 13 }));
  const stream = await anthropic.call({ ...options(e, fetch), stream: true }, () => "Hello")();
  const types: string[] = [];
  const yielded: { name: string; id: string; args: unknown }[] = [];
  for await (const [chunk, tool] of stream) {
    types.push(chunk.type);
    if (tool) yielded.push({ name: tool.name, id: tool.id, args: tool.args });
  }
  return { stream, types, yielded };
}

function checkStream({ stream, types, yielded }: Awaited<ReturnType<typeof decodeStream>>, e: Expected) {
  checkFields(stream, e);
  if (e.cost_usd !== undefined) expect(stream.cost).toBeCloseTo(e.cost_usd, 12);
  expect(stream.contentBlocks).toEqual(e.content_blocks);
  const calls = e.tool_calls ?? [];
  expect(stream.toolCalls.map((c) => ({ id: c.id, name: c.name, args: JSON.parse(c.args as string) }))).toEqual(
    calls.map((c) => ({ id: c.id, name: c.name, args: c.arguments })),
  );
  for (const [i, call] of calls.entries()) if (call.arguments_raw !== undefined) expect(stream.toolCalls[i].args).toBe(call.arguments_raw);
  expect(yielded).toEqual(calls.map((c) => ({ name: c.name, id: c.id, args: c.arguments })));
  // Every event but `ping` becomes a chunk, in order and in number.
  const counts: Record<string, number> = {};
  for (const type of types) counts[type] = (counts[type] ?? 0) + 1;
  const { ping: _ping, ...withoutPing } = e.stream!.event_counts;
  expect(counts).toEqual(withoutPing);
}

/** The next request of a conversation that continues after `assistant`. */
async function nextRequest(assistant: unknown, e: Expected) {
  const fetch = createReplayFetch(fixtureResponse(fixtures["anthropic/text.json"]));
  const calls = e.tool_calls ?? [];
  const follow =
    calls.length > 0
      ? { role: "user", content: calls.map((c) => ({ type: "tool_result", tool_use_id: c.id, content: "ok" })) }
      : { role: "user", content: "Go on" };
  const history = [{ role: "user", content: "Hello" }, assistant, follow];
  await anthropic.call({ model: MODEL, client: { fetch, apiKey: "test-key" } }, () => history as never)();
  return { messages: (fetch.requests[0].json as { messages: unknown[] }).messages, follow };
}

/** The assistant message travels back unchanged; an empty one (a refusal) is left out. */
async function checkRoundTrip(assistant: AnthropicMessageParam, blocks: unknown[], e: Expected) {
  expect(assistant).toEqual({ role: "assistant", content: blocks });
  const { messages, follow } = await nextRequest(assistant, e);
  if (blocks.length === 0) {
    expect(messages).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "Hello" },
          { type: "text", text: "Go on" },
        ],
      },
    ]);
    return;
  }
  expect(messages).toEqual([{ role: "user", content: "Hello" }, { role: "assistant", content: blocks }, follow]);
}

describe("anthropic extra fixtures (real responses)", () => {
  it("finds the extra Anthropic fixtures", () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
    expect(cases.filter((c) => c.expected.transport === "sse").length).toBeGreaterThanOrEqual(5);
    for (const c of cases) expect(typeof c.body).toBe("string");
  });

  for (const { name, expected: e, body } of cases) {
    if (e.transport === "json" && e.http_status === 200) {
      it(`${name}: the response decodes to the expected result`, async () => {
        const response = await decodeJson(e, body);
        checkFields(response, e);
        const calls = e.tool_calls ?? [];
        expect(response.toolCalls).toEqual(calls.map((c) => ({ id: c.id, name: c.name, args: c.arguments })));
        expect(response.tools.map((t) => ({ name: t.name, id: t.id, args: t.args }))).toEqual(
          calls.map((c) => ({ name: c.name, id: c.id, args: c.arguments })),
        );
      });
      it(`${name}: messageParam carries every block as received into the next request`, async () => {
        const response = await decodeJson(e, body);
        const blocks = (JSON.parse(body) as AnthropicMessage).content;
        await checkRoundTrip(response.messageParam, blocks, e);
      });
    } else if (e.transport === "json") {
      it(`${name}: the HTTP ${e.http_status} body becomes a ${e.error!.class}`, async () => {
        const error = await decodeJson(e, body).catch((err: unknown) => err);
        expect(APIError.isInstance(error)).toBe(true);
        const apiError = error as APIError;
        expect(apiError.name).toBe(e.error!.class);
        expect(apiError.status).toBe(e.http_status);
        expect(apiError.provider).toBe("anthropic");
        expect(apiError.type).toBe(e.error!.type);
        expect(apiError.message).toContain(e.error!.message);
        expect(apiError.requestId).toBe(e.error!.request_id);
        expect(apiError.isRetryable).toBe(e.error!.retryable);
      });
    } else if (e.stream_error) {
      const se = e.stream_error;
      it(`${name}: the error event becomes a retryable ${se.class}, whole and re-chunked`, async () => {
        for (const seed of [undefined, 1, 2, 3]) {
          const error = await decodeStream(e, body, seed).catch((err: unknown) => err);
          expect(StreamError.isInstance(error)).toBe(true);
          const streamError = error as StreamError;
          expect(streamError.name).toBe(se.class);
          expect(streamError.provider).toBe("anthropic");
          expect(streamError.type).toBe(se.type);
          expect(streamError.code).toBe(se.type);
          expect(streamError.message).toContain(se.message);
          expect(streamError.isRetryable).toBe(se.retryable);
          expect(streamError.content).toBe("");
        }
      });
    } else {
      it(`${name}: the stream decodes whole`, async () => {
        checkStream(await decodeStream(e, body), e);
      });
      it(`${name}: the stream decodes under ${SEEDS} seeded re-chunkings`, async () => {
        for (let seed = 1; seed <= SEEDS; seed++) checkStream(await decodeStream(e, body, seed), e);
      });
      it(`${name}: constructCallResponse() matches the stream, and its messageParam goes into the next request`, async () => {
        const { stream } = await decodeStream(e, body, 3);
        const response = stream.constructCallResponse();
        checkFields(response, e);
        expect(response.toolCalls).toEqual((e.tool_calls ?? []).map((c) => ({ id: c.id, name: c.name, args: c.arguments })));
        expect(response.messageParam).toEqual(stream.messageParam);
        await checkRoundTrip(response.messageParam, e.content_blocks!, e);
      });
    }
  }
});
