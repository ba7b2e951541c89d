// Real bodies from OpenAI-compatible services (Groq, Mistral, DeepSeek, OpenRouter; sources in
// test/fixtures/extra/SOURCES.md), decoded through the presets. Each decodes to its hand-written
// .expect.json whole and under seeded re-chunkings; a stream's constructCallResponse() must agree, and a
// decoded turn's messageParam must go back out in the next request.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool } from "../../src/index.ts";
import type { OpenAICompatibleProvider } from "../../src/providers/openai/services/compatible.ts";
import { deepseek, groq, mistral, openrouter, xai } from "../../src/providers/openai/services/presets.ts";
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
  provider: "groq" | "mistral" | "deepseek" | "openrouter" | "xai";
  /** `message.reasoning_content`, where the body has one. */
  reasoning?: string;
}

const PROVIDERS: Record<Expected["provider"], OpenAICompatibleProvider> = { groq, mistral, deepseek, openrouter, xai };

const weather = defineTool({
  name: "weather",
  description: "Get the weather in a location",
  parameters: z.object({ location: z.string().optional() }),
  call: ({ location }) => `${location ?? "here"}: 21C`,
});
const webSearch = defineTool({
  name: "webSearchTool",
  description: "Search the web",
  parameters: z.object({ query: z.string() }),
  call: ({ query }) => `results for ${query}`,
});
const divide = defineTool({
  name: "divide",
  description: "Divide two numbers.",
  parameters: z.object({ numerator: z.number(), denominator: z.number(), on_inf: z.enum(["error", "infinity"]).optional() }),
  call: ({ numerator, denominator }) => String(numerator / denominator),
});
const tools = [weather, webSearch, divide];

/** What the test tools return for a call. */
function toolOutput(c: ExpectedCall): string {
  if (c.name === "divide") return String(Number(c.arguments.numerator) / Number(c.arguments.denominator));
  return c.name === "webSearchTool" ? `results for ${c.arguments.query}` : `${c.arguments.location ?? "here"}: 21C`;
}

const DIR = "extra/openai-compatible/";
const SEEDS = 10;
const cases = extraCases<Expected>(DIR);

function options(expected: Expected, body: string, seed?: number) {
  return { model: expected.model ?? "some-model", tools, client: replayClient(body, expected.http_status, seed), retry: false as const };
}

const PROMPT = "What is the weather?";

async function callJson(expected: Expected, body: string, seed?: number) {
  return PROVIDERS[expected.provider].call(options(expected, body, seed), () => PROMPT)();
}

async function drainStream(expected: Expected, body: string, seed?: number) {
  const s = await PROVIDERS[expected.provider].call({ ...options(expected, body, seed), stream: true }, () => PROMPT)();
  return drainTools(s, expected);
}

async function checkCall(body: string, expected: Expected, seed?: number) {
  const r = await callJson(expected, body, seed);
  checkDecoded(r, expected);
  expect(r.content).toBe(expected.text);
  expect(r.provider).toBe(expected.provider);
  expect(r.reasoning).toBe(expected.reasoning ?? "");
}

async function checkStream(body: string, expected: Expected, seed?: number) {
  const s = await drainStream(expected, body, seed);
  checkDecoded(s, expected);
  expect(s.content).toBe(expected.text);
  const r = s.constructCallResponse();
  checkDecoded(r, expected);
  expect(r.content).toBe(expected.text);
  expect(r.messageParam).toEqual(s.messageParam);
  // Without a \`created\` in the chunks, the response is dated from the call's start.
  const created = (r.raw as { created: number }).created;
  if (expected.created === undefined) expect(Number.isInteger(created) && created > 0).toBe(true);
  else expect(created).toBe(expected.created);
}

/** A call that should have failed and did not. */
function failed(): never {
  throw new Error("expected the call to fail");
}

function run(body: string, expected: Expected, seed?: number): Promise<void> {
  if (expected.error) return callJson(expected, body, seed).then(failed, (e: unknown) => checkHttpError(e, expected, expected.provider));
  if (expected.stream_error)
    return drainStream(expected, body, seed).then(failed, (e: unknown) => checkStreamError(e, expected, expected.provider));
  return expected.transport === "sse" ? checkStream(body, expected, seed) : checkCall(body, expected, seed);
}

describe("openai-compatible extra fixtures (real recorded bodies)", () => {
  it("finds every extra OpenAI-compatible fixture and its body", () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
    for (const c of cases) expect(typeof c.body === "string" && c.body.length > 0, c.name).toBe(true);
  });

  for (const { name, body, expected } of cases) {
    it(`${name} decodes to its .expect.json`, () => run(body, expected));
    it(`${name} decodes the same under ${SEEDS} seeded re-chunkings`, async () => {
      for (let seed = 1; seed <= SEEDS; seed++) await run(body, expected, seed);
    });
  }
});

/** The second response of a round trip: any valid Chat Completion. */
const NEXT = fixtures[`${DIR}deepseek_reasoning_content.json`];

describe("openai-compatible extra fixtures: a decoded turn goes back out in the next request", () => {
  const roundTrips = cases.filter(({ expected }) => !expected.error && !expected.stream_error);

  for (const { name, body, expected } of roundTrips) {
    it(`${name}: messageParam and tool results form the next request`, async () => {
      const first =
        expected.transport === "sse" ? (await drainStream(expected, body)).constructCallResponse() : await callJson(expected, body);
      const outputs = await first.executeTools();
      const fetch = createReplayFetch(fixtureResponse(NEXT));
      const history = [{ role: "user" as const, content: PROMPT }, first.messageParam, ...first.toolMessageParams(outputs)];
      await PROVIDERS[expected.provider].call({ model: "m", tools, client: { apiKey: "k", fetch } }, () => history)();
      const sent = fetch.requests[0].json as { messages?: unknown[] };
      const calls = expected.tool_calls ?? [];
      const assistant: Record<string, unknown> = { role: "assistant", content: calls.length > 0 ? null : expected.text };
      if (calls.length > 0) {
        assistant.tool_calls = calls.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: c.arguments_raw } }));
        // DeepSeek takes the reasoning back on tool-call turns (and needs it); other services are not sent it.
        if (expected.provider === "deepseek" && expected.reasoning) assistant.reasoning_content = expected.reasoning;
      }
      const results = calls.map((c) => ({ role: "tool", tool_call_id: c.id, content: toolOutput(c) }));
      expect(sent.messages).toEqual([history[0], assistant, ...results]);
    });
  }
});
