// Shared by the extra-fixture tests of the OpenAI wire format (OpenAI itself and the compatible
// presets): reading the hand-written .expect.json files, replaying a body, and checking what a call
// response or a drained stream decoded.
import { expect } from "vitest";
import { APIError, StreamError, type ToolCallData, type Usage } from "../../../src/index.ts";
import { createReplayFetch, fixtureResponse } from "../../../src/testing/replay-fetch.ts";
import { fixtures } from "../../fixtures/index.ts";

/** A tool call as an expect file writes it. */
export interface ExpectedCall {
  id: string;
  name: string;
  arguments_raw: string;
  arguments: Record<string, unknown>;
}

/** The decoded fields every expect file of the OpenAI wire format has. */
export interface ExpectedDecoded {
  fixture: string;
  transport: "json" | "sse";
  http_status: number;
  id?: string;
  model?: string;
  created?: number;
  text?: string;
  finish_reasons?: string[];
  common_finish_reasons?: string[];
  tool_calls?: ExpectedCall[];
  usage?: Usage | null;
  error?: ExpectedHttpError;
  stream_error?: ExpectedStreamError;
}

/** An HTTP error body's expected typed error. */
export interface ExpectedHttpError {
  class: string;
  type: string | null;
  code: string | null;
  param: string | null;
  message: string;
  retryable: boolean;
}

/** A mid-stream error event's expected `StreamError`. */
export interface ExpectedStreamError {
  class: string;
  code: string | null;
  type: string | null;
  message: string;
  content: string;
  retryable: boolean;
}

/** What a call response and a drained stream both expose. */
export interface Decoded {
  id: string | undefined;
  model: string;
  finishReasons: string[];
  commonFinishReasons: string[];
  toolCalls: ToolCallData[];
  tools: { name: string; args: unknown }[];
  usage: Usage | undefined;
}

/** The cases of one fixtures folder: each expect file with its body. */
export function extraCases<E extends { fixture: string }>(dir: string): { name: string; body: string; expected: E }[] {
  return Object.keys(fixtures)
    .filter((path) => path.startsWith(dir) && path.endsWith(".expect.json"))
    .map((path) => {
      const expected = JSON.parse(fixtures[path]) as E;
      return { name: expected.fixture, body: fixtures[dir + expected.fixture], expected };
    });
}

/** A client replaying `body`; with a seed, cut into 1..3, 1..16 or 1..64 byte pieces. */
export function replayClient(body: string, status: number, seed?: number) {
  const maxChunkSize = seed === undefined ? undefined : [3, 16, 64][seed % 3];
  const headers = { "x-request-id": "req_extra_1" };
  return { apiKey: "test-key", fetch: createReplayFetch(fixtureResponse(body, { status, headers, seed, maxChunkSize })) };
}

/** Reads a stream to its end, checking it yielded the expected tools in order. */
export async function drainTools<S extends AsyncIterable<readonly [unknown, { id: string } | undefined]>>(
  stream: S,
  expected: ExpectedDecoded,
): Promise<S> {
  const yielded: string[] = [];
  for await (const [, tool] of stream) if (tool) yielded.push(tool.id);
  expect(yielded).toEqual((expected.tool_calls ?? []).map((c) => c.id));
  return stream;
}

/** Checks ids, finish reasons, raw and validated tool calls, and usage (content is each file's own check). */
export function checkDecoded(r: Decoded, expected: ExpectedDecoded): void {
  expect(r.id).toBe(expected.id);
  expect(r.model).toBe(expected.model);
  expect(r.finishReasons).toEqual(expected.finish_reasons);
  expect(r.commonFinishReasons).toEqual(expected.common_finish_reasons);
  const calls = expected.tool_calls ?? [];
  expect(r.toolCalls.map((c) => ({ id: c.id, name: c.name, args: c.args }))).toEqual(
    calls.map((c) => ({ id: c.id, name: c.name, args: c.arguments_raw })),
  );
  expect(r.tools.map((t) => [t.name, t.args])).toEqual(calls.map((c) => [c.name, c.arguments]));
  expect(r.usage).toEqual(expected.usage ?? undefined);
}

/** Checks the typed error an HTTP error body became: class, status, fields, message, retryability, request id, no key. */
export function checkHttpError(error: unknown, expected: ExpectedDecoded, provider: string): void {
  const want = expected.error!;
  expect(APIError.isInstance(error)).toBe(true);
  const e = error as APIError;
  expect(e.name).toBe(want.class);
  expect(e.status).toBe(expected.http_status);
  expect(e.provider).toBe(provider);
  expect([e.type, e.code, e.param]).toEqual([want.type ?? undefined, want.code ?? undefined, want.param ?? undefined]);
  expect(e.message).toContain(want.message.replace(/\.$/, ""));
  expect(e.isRetryable).toBe(want.retryable);
  expect(e.requestId).toBe("req_extra_1");
  expect(JSON.stringify(e)).not.toContain("test-key");
}

/** Checks the `StreamError` an error event ended a stream with: class, fields, text so far, message naming the provider. */
export function checkStreamError(error: unknown, expected: ExpectedDecoded, provider: string): void {
  const want = expected.stream_error!;
  expect(StreamError.isInstance(error)).toBe(true);
  const e = error as StreamError;
  expect(e.name).toBe(want.class);
  expect([e.code, e.type, e.content, e.isRetryable]).toEqual([
    want.code ?? undefined,
    want.type ?? undefined,
    want.content,
    want.retryable,
  ]);
  expect(e.message).toContain(want.message.replace(/\.$/, ""));
  expect(e.message).toContain(provider);
}
