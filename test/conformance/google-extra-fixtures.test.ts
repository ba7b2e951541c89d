// More real Gemini responses (test/fixtures/extra/gemini, sources in test/fixtures/extra/SOURCES.md), each
// decoded by the Google provider and compared with its hand-written .expect.json: JSON bodies as a
// response, SSE bodies as a stream (whole and re-chunked at 10 seeded byte offsets) and as the response
// the stream constructs. The model's message then goes into a next request, natively, through the
// provider-neutral format and through a tool loop's `resume`, and the request body is checked.
// Usage is promptcall's: inputTokens = promptTokenCount (+ toolUsePromptTokenCount, cached included),
// outputTokens = candidates + thoughts, reasoningTokens = thoughts (docs/providers-google.md).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool } from "../../src/index.ts";
import type { APIError } from "../../src/errors/api-error.ts";
import { AuthenticationError } from "../../src/errors/authentication-error.ts";
import { BadRequestError } from "../../src/errors/bad-request-error.ts";
import { NotFoundError } from "../../src/errors/not-found-error.ts";
import { RateLimitError } from "../../src/errors/rate-limit-error.ts";
import type { BaseMessageParam } from "../../src/core/message-param.ts";
import { PromptBlockedError } from "../../src/index.ts";
import { google, type GoogleCallResponse, type GoogleStream } from "../../src/providers/google/index.ts";
import type { GooglePart } from "../../src/providers/google/api.ts";
import { createReplayFetch, fixtureResponse, type ReplayResponse } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";

interface Expectation {
  transport: "json" | "sse";
  http_status: number;
  id?: string | null;
  model?: string | null;
  text?: string;
  thinking?: string;
  finish_reasons?: string[];
  common_finish_reasons?: string[];
  tool_calls?: { id: string | null; name: string; arguments: Record<string, unknown>; has_thought_signature: boolean }[];
  usage?: Record<string, number> | null;
  message_parts?: string[];
  stream?: { events: number };
  text_before_error?: string;
  error?: {
    class: string;
    status?: string;
    message?: string;
    block_reason?: string;
    flagged?: string;
    reason?: string;
    retry_after_ms?: number;
    is_retryable?: boolean;
    api_key_echoed?: string;
  };
}

const MODEL = "gemini-2.5-flash";
const SEEDS = 10;
const NEXT = fixtures["gemini/generate_text.json"];
const ERROR_CLASSES: Record<string, { isInstance(e: unknown): boolean }> = {
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  RateLimitError,
};

const noArgs = (name: string) => defineTool({ name, description: name, parameters: z.object({}), call: () => ({ ok: name }) });
const xy = (name: string) =>
  defineTool({ name, description: name, parameters: z.object({ x: z.number(), y: z.number() }), call: ({ x, y }) => ({ x, y }) });
const TOOLS = [
  noArgs("get_country"),
  noArgs("now"),
  defineTool({
    name: "get_capital",
    description: "capital",
    parameters: z.object({ country: z.string() }),
    call: ({ country }) => ({ country }),
  }),
  xy("sum"),
  xy("multiply"),
  xy("subtract"),
];

const cases = Object.keys(fixtures)
  .filter((key) => key.startsWith("extra/gemini/") && key.endsWith(".expect.json"))
  .sort();

function bodyOf(expectKey: string, e: Expectation): string {
  const text = fixtures[expectKey.replace(/\.expect\.json$/, `.${e.transport}`)];
  if (text === undefined) throw new Error(`fixture body of ${expectKey} is missing`);
  return text;
}

function call(script: ReplayResponse | ReplayResponse[], stream: boolean, apiKey = "test-key") {
  const fetch = createReplayFetch(script);
  const options = { model: MODEL, retry: false as const, tools: TOOLS, client: { fetch, apiKey } };
  const run = stream ? google.call({ ...options, stream: true }, () => "q") : google.call(options, () => "q");
  return { fetch, run: run as unknown as () => Promise<GoogleCallResponse | GoogleStream> };
}

/** A part's kind as the expect files write it: "text", "thought", "functionCall", …, "+signature" when signed. */
function kindOf(part: GooglePart): string {
  const kind = part.functionCall
    ? "functionCall"
    : part.thought
      ? "thought"
      : typeof part.text === "string"
        ? "text"
        : Object.keys(part).find((k) => k !== "thoughtSignature");
  return `${kind}${part.thoughtSignature ? "+signature" : ""}`;
}

/** What a request may carry of the model's parts: an empty, unsigned text part is rejected by Gemini. */
const sendable = (parts: GooglePart[]) => parts.filter((p) => !(p.text === "" && !p.thoughtSignature));

function expectDecoded(r: GoogleCallResponse | GoogleStream, e: Expectation): void {
  expect(r.content).toBe(e.text);
  expect(r.thinking).toBe(e.thinking);
  expect(r.finishReasons).toEqual(e.finish_reasons);
  expect(r.commonFinishReasons).toEqual(e.common_finish_reasons);
  expect(r.id).toBe(e.id ?? undefined);
  if (e.model === null) expect(["", MODEL]).toContain(r.model);
  else expect(r.model).toBe(e.model);
  expect(r.usage).toEqual(e.usage ?? undefined);
  if (!e.usage) expect(r.cost).toBeUndefined();
  const calls = r.toolCalls;
  expect(calls.map((c) => [c.name, c.args])).toEqual(e.tool_calls!.map((c) => [c.name, c.arguments]));
  e.tool_calls!.forEach((c, i) => {
    expect(calls[i].providerData?.thoughtSignature !== undefined).toBe(c.has_thought_signature);
    expect(calls[i].id).toMatch(c.id ? new RegExp(`^${c.id}$`) : /^call_/);
  });
  expect(new Set(calls.map((c) => c.id)).size).toBe(calls.length);
  expect(r.tools.map((t) => [t.name, t.args])).toEqual(e.tool_calls!.map((c) => [c.name, c.arguments]));
  expect(r.messageParam.role).toBe("model");
  expect(r.messageParam.parts.map(kindOf)).toEqual(e.message_parts);
}

/** Sends `[user, message]` as the history of a next call and returns the request body's contents. */
async function nextContents(message: unknown): Promise<any[]> {
  const fetch = createReplayFetch(fixtureResponse(NEXT));
  await google.call({ model: MODEL, retry: false, client: { fetch, apiKey: "test-key" } }, () => [
    { role: "user" as const, content: "q" },
    message as BaseMessageParam,
  ])();
  return (fetch.requests[0].json as { contents: any[] }).contents;
}

/** The model's message goes back natively, provider-neutrally, and (after tool calls) through `resume`. */
async function expectRoundTrips(
  r: GoogleCallResponse | GoogleStream,
  e: Expectation,
  resumeFetch: ReturnType<typeof createReplayFetch>,
): Promise<void> {
  const parts = sendable(r.messageParam.parts);
  const native = await nextContents(r.messageParam);
  expect(native).toEqual(
    parts.length > 0
      ? [
          { role: "user", parts: [{ text: "q" }] },
          { role: "model", parts },
        ]
      : [{ role: "user", parts: [{ text: "q" }] }],
  );

  const neutral: BaseMessageParam = r.commonMessageParam;
  const viaNeutral = await nextContents(neutral);
  if (parts.some((p) => p.executableCode || p.codeExecutionResult)) {
    expect(viaNeutral[1]).toEqual({ role: "model", parts: [{ text: r.content }] }); // code parts are Gemini-only
  } else if (parts.length > 0) {
    expect(viaNeutral[1].parts).toEqual(parts);
  } else {
    expect(viaNeutral).toHaveLength(1);
  }

  if (r.tools.length === 0) return;
  const outputs = await r.executeTools();
  await r.resume(outputs);
  const sent = (resumeFetch.requests[resumeFetch.requests.length - 1].json as { contents: any[] }).contents;
  expect(sent[1]).toEqual({ role: "model", parts });
  expect(sent[2].role).toBe("user");
  expect(sent[2].parts.map((p: any) => [p.functionResponse.name, p.functionResponse.response.result])).toEqual(
    e.tool_calls!.map((c) => [c.name, Object.keys(c.arguments).length > 0 ? c.arguments : { ok: c.name }]),
  );
}

function expectError(error: unknown, e: Expectation, apiKey: string): void {
  const spec = e.error!;
  expect(ERROR_CLASSES[spec.class].isInstance(error)).toBe(true);
  const api = error as APIError;
  expect(api.name).toBe(spec.class);
  expect(api.status).toBe(e.http_status);
  expect(api.provider).toBe("google");
  expect(api.type).toBe(spec.status);
  expect(api.message).toContain(spec.message!.replace(/[.\s]+$/, ""));
  expect(api.isRetryable).toBe(spec.is_retryable);
  expect(api.retryAfterMs).toBe(spec.retry_after_ms);
  if (spec.reason) expect(api.code).toBe(spec.reason);
  expect(JSON.stringify(api)).not.toContain(apiKey);
  expect(api.message).not.toContain(apiKey);
}

describe("google: more real responses decode to their .expect.json", () => {
  it("finds the extra Gemini fixtures", () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  for (const key of cases) {
    const e = JSON.parse(fixtures[key]) as Expectation;
    const body = bodyOf(key, e);

    if (e.http_status >= 400) {
      const apiKey = e.error?.api_key_echoed ?? "test-key";
      for (const stream of [false, true]) {
        it(`${key}: ${stream ? "a streaming" : "a"} call throws ${e.error?.class}`, async () => {
          const { run } = call(fixtureResponse(body, { status: e.http_status }), stream, apiKey);
          expectError(await run().catch((x: unknown) => x), e, apiKey);
        });
      }
      continue;
    }

    if (e.error?.class === "PromptBlockedError") {
      it(`${key}: PromptBlockedError (${e.error.block_reason})`, async () => {
        let content = "";
        const { run } = call(fixtureResponse(body), e.transport === "sse");
        const error = await run()
          .then(async (s) => {
            for await (const [chunk] of s as GoogleStream) content += chunk.content;
          })
          .then(
            () => undefined,
            (x: unknown) => x,
          );
        expect(PromptBlockedError.isInstance(error)).toBe(true);
        const blocked = error as PromptBlockedError;
        expect(blocked.blockReason).toBe(e.error!.block_reason);
        if (e.error!.flagged) expect(blocked.message).toContain(e.error!.flagged);
        expect(content).toBe(e.text_before_error ?? "");
      });
      continue;
    }

    if (e.transport === "json") {
      it(`${key}: the response, and its message in the next request`, async () => {
        const { fetch, run } = call([fixtureResponse(body), fixtureResponse(NEXT)], false);
        const r = (await run()) as GoogleCallResponse;
        expectDecoded(r, e);
        await expectRoundTrips(r, e, fetch);
      });
      continue;
    }

    for (let seed = 0; seed <= SEEDS; seed++) {
      const label = seed === 0 ? "whole" : `re-chunked, seed ${seed}`;
      it(`${key}: the stream (${label}), its constructed response, and its message in the next request`, async () => {
        const first = seed === 0 ? fixtureResponse(body) : fixtureResponse(body, { seed, maxChunkSize: 23 });
        const { fetch, run } = call([first, fixtureResponse(NEXT)], true);
        const s = (await run()) as GoogleStream;
        const chunks = new Set<unknown>();
        const yielded: string[] = [];
        for await (const [chunk, tool] of s) {
          chunks.add(chunk);
          if (tool) yielded.push(tool.name);
        }
        expect(chunks.size).toBe(e.stream!.events);
        expect(yielded).toEqual(e.tool_calls!.map((c) => c.name));
        expectDecoded(s, e);
        const constructed = s.constructCallResponse();
        expectDecoded(constructed, e);
        expect(constructed.messageParam).toEqual(s.messageParam);
        await expectRoundTrips(s, e, fetch);
      });
    }
  }
});
