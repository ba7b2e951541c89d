// Real OpenAI bodies beyond test/fixtures/openai (sources in test/fixtures/extra/SOURCES.md): Azure
// content-filter chunks, parallel tool calls, refusals, length finishes, reasoning tokens, a 400 error and
// Responses API bodies. Each decodes to its hand-written .expect.json whole and under seeded re-chunkings;
// a stream's constructCallResponse() must agree, and its messageParam must go back out in the next request.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool } from "../../src/index.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { createReplayFetch, fixtureResponse } from "../../src/testing/replay-fetch.ts";
import {
  checkDecoded,
  checkHttpError,
  checkStreamError,
  drainTools,
  extraCases,
  replayClient,
  type ExpectedCall,
  type ExpectedDecoded,
} from "./support/decoded-checks.ts";
import { fixtures } from "../fixtures/index.ts";

interface Expected extends ExpectedDecoded {
  api: "chat" | "responses";
  refusal?: string | null;
  /** The id of constructCallResponse() when the final event names another id than the first one (a proxy rotating ids). */
  constructed_id?: string;
}

const secretRetrieval = defineTool({
  name: "secret_retrieval_tool",
  description: "A tool that requires a password to retrieve a secret.",
  parameters: z.object({ password: z.string() }),
  call: ({ password }) => `secret for ${password}`,
});
const getWeather = defineTool({
  name: "get_weather",
  description: "Get weather",
  parameters: z.object({ city: z.string() }),
  call: ({ city }) => `${city}: 21C`,
});
const tools = [secretRetrieval, getWeather];

const DIR = "extra/openai/";
const SEEDS = 10;
const cases = extraCases<Expected>(DIR);

function options(expected: Expected, body: string, seed?: number) {
  const api = expected.api === "responses" ? ("responses" as const) : undefined;
  return { model: "gpt-4o-mini", api, tools, client: replayClient(body, expected.http_status, seed), retry: false as const };
}

async function callJson(expected: Expected, body: string, seed?: number) {
  return openai.call(options(expected, body, seed), () => "Please retrieve the secrets.")();
}

async function drainStream(expected: Expected, body: string, seed?: number) {
  const s = await openai.call({ ...options(expected, body, seed), stream: true }, () => "Please retrieve the secrets.")();
  return drainTools(s, expected);
}

async function checkCall(body: string, expected: Expected, seed?: number) {
  const r = await callJson(expected, body, seed);
  checkDecoded(r, expected);
  // A call response's content falls back to the refusal text.
  expect(r.content).toBe(expected.text || expected.refusal || "");
  expect(r.refusal).toBe(expected.refusal ?? undefined);
  expect(r.cost === undefined || r.cost >= 0).toBe(true);
}

async function checkStream(body: string, expected: Expected, seed?: number) {
  const s = await drainStream(expected, body, seed);
  checkDecoded(s, expected);
  expect(s.content).toBe(expected.text);
  expect(s.refusal).toBe(expected.refusal ?? "");
  const r = s.constructCallResponse();
  checkDecoded(r, { ...expected, id: expected.constructed_id ?? expected.id });
  expect(r.content).toBe(expected.text || expected.refusal || "");
  expect(r.refusal).toBe(expected.refusal ?? undefined);
  expect(r.messageParam).toEqual(s.messageParam);
  if (expected.api === "chat") expect((r.raw as { created: number }).created).toBe(expected.created);
  else expect(r.raw.object).toBe("response");
}

/** A call that should have failed and did not. */
function failed(): never {
  throw new Error("expected the call to fail");
}

function run(body: string, expected: Expected, seed?: number): Promise<void> {
  if (expected.error) return callJson(expected, body, seed).then(failed, (e: unknown) => checkHttpError(e, expected, "openai"));
  if (expected.stream_error) return drainStream(expected, body, seed).then(failed, (e: unknown) => checkStreamError(e, expected, "openai"));
  return expected.transport === "sse" ? checkStream(body, expected, seed) : checkCall(body, expected, seed);
}

describe("openai extra fixtures (real recorded bodies)", () => {
  it("finds every extra OpenAI fixture and its body", () => {
    expect(cases.length).toBeGreaterThanOrEqual(14);
    for (const c of cases) expect(typeof c.body === "string" && c.body.length > 0, c.name).toBe(true);
  });

  for (const { name, body, expected } of cases) {
    it(`${name} decodes to its .expect.json`, () => run(body, expected));
    it(`${name} decodes the same under ${SEEDS} seeded re-chunkings`, async () => {
      for (let seed = 1; seed <= SEEDS; seed++) await run(body, expected, seed);
    });
  }
});

/** The second response of a round trip: any valid body of the same API. */
const NEXT = {
  chat: fixtures[`${DIR}chat_length.json`],
  responses: fixtures[`${DIR}responses_parallel_function_calls.json`],
};

describe("openai extra fixtures: a decoded turn goes back out in the next request", () => {
  const roundTrips = cases.filter(({ expected }) => !expected.error && !expected.stream_error);

  for (const { name, body, expected } of roundTrips) {
    it(`${name}: messageParam and tool results form the next request`, async () => {
      const first =
        expected.transport === "sse" ? (await drainStream(expected, body)).constructCallResponse() : await callJson(expected, body);
      const outputs = await first.executeTools();
      const fetch = createReplayFetch(fixtureResponse(NEXT[expected.api]));
      const api = expected.api === "responses" ? ("responses" as const) : undefined;
      const history = [
        { role: "user" as const, content: "Please retrieve the secrets." },
        first.messageParam,
        ...first.toolMessageParams(outputs),
      ];
      await openai.call({ model: "gpt-4o-mini", api, tools, client: { apiKey: "k", fetch } }, () => history)();
      const sent = fetch.requests[0].json as { messages?: unknown[]; input?: unknown[] };
      const calls = expected.tool_calls ?? [];
      if (expected.api === "chat") {
        expect(sent.messages).toEqual([history[0], chatAssistant(expected), ...chatToolResults(calls)]);
      } else {
        expect(sent.input).toEqual([history[0], ...responsesItems(expected), ...responsesToolResults(calls)]);
      }
    });
  }
});

/** The assistant message a Chat Completions history must carry for this turn. */
function chatAssistant(expected: Expected): Record<string, unknown> {
  const calls = expected.tool_calls ?? [];
  const message: Record<string, unknown> = { role: "assistant", content: calls.length > 0 || expected.refusal ? null : expected.text };
  if (expected.refusal) message.refusal = expected.refusal;
  if (calls.length > 0) {
    message.tool_calls = calls.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: c.arguments_raw } }));
  }
  return message;
}

/** What the test tools return for a call. */
function toolOutput(c: ExpectedCall): string {
  return c.name === "get_weather" ? `${c.arguments.city}: 21C` : `secret for ${c.arguments.password}`;
}

function chatToolResults(calls: ExpectedCall[]) {
  return calls.map((c) => ({ role: "tool", tool_call_id: c.id, content: toolOutput(c) }));
}

/** The Responses API input items for this turn: its text (or refusal) and the function calls as received. */
function responsesItems(expected: Expected): Record<string, unknown>[] {
  const text = expected.text || expected.refusal;
  const calls = (expected.tool_calls ?? []).map((c) => ({
    type: "function_call",
    call_id: c.id,
    name: c.name,
    arguments: c.arguments_raw,
  }));
  return text ? [{ role: "assistant", content: text }, ...calls] : calls;
}

function responsesToolResults(calls: ExpectedCall[]) {
  return calls.map((c) => ({ type: "function_call_output", call_id: c.id, output: toolOutput(c) }));
}
