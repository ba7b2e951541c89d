// Every recorded Bedrock Converse and ConverseStream fixture (test/fixtures/bedrock/, provenance in
// SOURCES.md) decodes to its .expect.json through `bedrock.call`: text, stop reason, usage, tool
// calls, reasoning and its signature. Streams are decoded whole and re-chunked at seeded random byte
// boundaries; a corrupted frame ends in a ParseError after the text before it.
import { describe, expect, it } from "vitest";
import { ParseError } from "../../src/errors/parse-error.ts";
import { bedrock } from "../../src/providers/bedrock/index.ts";
import { createReplayFetch, type ReplayResponse } from "../../src/testing/replay-fetch.ts";
import { binaryFixtures, fixtures } from "../fixtures/index.ts";

interface Expected {
  api: "Converse" | "ConverseStream";
  text: string;
  stop_reason: string;
  usage: { input_tokens: number; output_tokens: number; cache_read: number | null; cache_write: number | null };
  tool_calls: { id: string; name: string; arguments: Record<string, unknown>; arguments_raw?: string }[];
  reasoning: string | null;
  reasoning_signature?: string;
  events: Record<string, number>;
}

const SEEDS = 12;
const credentials = { region: "us-east-1", accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const cases = Object.keys(fixtures)
  .filter((name) => name.startsWith("bedrock/converse") && name.endsWith(".expect.json"))
  .map((name) => ({ name: name.slice("bedrock/".length, -".expect.json".length), expected: JSON.parse(fixtures[name]) as Expected }));

function streamBytes(name: string): Uint8Array {
  return Uint8Array.from(atob(binaryFixtures[`bedrock/${name}.eventstream`]), (c) => c.charCodeAt(0));
}

function modelOf(name: string): string {
  return (JSON.parse(fixtures[`bedrock/${name}.meta.json`]) as { request_model_id: string }).request_model_id;
}

/** The usage promptcall reports: inputTokens adds the cache reads and writes Bedrock counts apart. */
function expectedUsage(u: Expected["usage"]) {
  const read = u.cache_read ?? 0;
  const write = u.cache_write ?? 0;
  return {
    inputTokens: u.input_tokens + read + write,
    outputTokens: u.output_tokens,
    cachedTokens: read,
    totalTokens: u.input_tokens + read + write + u.output_tokens,
    ...(u.cache_write === null ? {} : { cacheWriteTokens: write }),
  };
}

function call(name: string, response: ReplayResponse) {
  const fetch = createReplayFetch(response);
  const fn = bedrock.call({ model: modelOf(name), client: { ...credentials, fetch }, retry: false }, () => "Hello");
  return { fetch, fn };
}

function callStream(name: string, response: ReplayResponse) {
  const fetch = createReplayFetch(response);
  const fn = bedrock.call({ model: modelOf(name), stream: true, client: { ...credentials, fetch }, retry: false }, () => "Hello");
  return { fetch, fn };
}

function streamResponse(bytes: Uint8Array, seed?: number): ReplayResponse {
  return {
    body: bytes,
    headers: { "content-type": "application/vnd.amazon.eventstream" },
    chunking: seed === undefined ? "whole" : { seed, maxChunkSize: seed % 2 ? 9 : 400 },
  };
}

describe("Bedrock recorded fixtures", () => {
  it("finds every Converse and ConverseStream fixture", () => {
    expect(cases.map((c) => c.expected.api).sort()).toEqual([...Array(5).fill("Converse"), ...Array(5).fill("ConverseStream")]);
  });

  for (const { name, expected } of cases.filter((c) => c.expected.api === "Converse")) {
    it(`${name}: Converse response`, async () => {
      const { fetch, fn } = call(name, { body: fixtures[`bedrock/${name}.json`], headers: { "content-type": "application/json" } });
      const response = await fn();
      expect(fetch.requests[0].url).toBe(
        `https://bedrock-runtime.us-east-1.amazonaws.com/model/${encodeURIComponent(modelOf(name))}/converse`,
      );
      expect(response.content).toBe(expected.text);
      expect(response.finishReasons).toEqual([expected.stop_reason]);
      expect(response.usage).toEqual(expectedUsage(expected.usage));
      expect(response.toolCalls.map((t) => ({ id: t.id, name: t.name, arguments: t.args }))).toEqual(
        expected.tool_calls.map(({ id, name, arguments: args }) => ({ id, name, arguments: args })),
      );
      expect(response.thinking).toBe(expected.reasoning ?? "");
      if (expected.reasoning_signature) {
        expect(response.commonMessageParam.content).toContainEqual(
          expect.objectContaining({ type: "thinking", signature: expected.reasoning_signature }),
        );
      }
    });
  }

  for (const { name, expected } of cases.filter((c) => c.expected.api === "ConverseStream")) {
    const check = async (seed?: number) => {
      const { fetch, fn } = callStream(name, streamResponse(streamBytes(name), seed));
      const stream = await fn();
      const counts: Record<string, number> = {};
      const tools: { id: string; name: string; args: string }[] = [];
      const unknown: string[] = [];
      for await (const [chunk, tool] of stream) {
        counts[chunk.type] = (counts[chunk.type] ?? 0) + 1;
        // The call defined no tools: each completed call comes as a tool whose error is an UnknownToolError.
        if (tool) unknown.push(`${tool.error?.name}:${tool.name}`);
      }
      expect(unknown).toEqual(stream.toolCalls.map((t) => `UnknownToolError:${t.name}`));
      for (const t of stream.toolCalls) tools.push({ id: t.id, name: t.name, args: String(t.args) });
      expect(fetch.requests[0].url).toMatch(/\/converse-stream$/);
      expect(stream.content).toBe(expected.text);
      expect(stream.finishReasons).toEqual([expected.stop_reason]);
      expect(stream.usage).toEqual(expectedUsage(expected.usage));
      expect(counts).toEqual(expected.events);
      expect(tools).toEqual(expected.tool_calls.map((t) => ({ id: t.id, name: t.name, args: t.arguments_raw })));
      expect(stream.thinking).toBe(expected.reasoning ?? "");
      const built = stream.constructCallResponse();
      expect(built.content).toBe(expected.text);
      expect(built.toolCalls.map((t) => t.args)).toEqual(expected.tool_calls.map((t) => t.arguments));
      if (expected.reasoning_signature) {
        expect(stream.messageParam.content[0]).toEqual({
          reasoningContent: { reasoningText: { text: expected.reasoning, signature: expected.reasoning_signature } },
        });
      }
    };
    it(`${name}: ConverseStream, whole body`, () => check());
    it(`${name}: ConverseStream, re-chunked at ${SEEDS} seeded random byte boundaries`, async () => {
      for (let seed = 1; seed <= SEEDS; seed++) await check(seed);
    });
  }

  it("a corrupted frame ends in a ParseError after the text before it, at any chunking, and cancels the body", async () => {
    const name = "converse_stream_text_nova_micro";
    const bytes = streamBytes(name);
    const view = new DataView(bytes.buffer);
    let at = 0;
    for (let i = 0; i < 6; i++) at += view.getUint32(at); // the 7th message starts here
    const corrupt = bytes.slice();
    corrupt[at + view.getUint32(at) - 8] ^= 0x20;
    for (let seed = 0; seed <= SEEDS; seed++) {
      const { fetch, fn } = callStream(name, streamResponse(corrupt, seed === 0 ? undefined : seed));
      const stream = await fn();
      let text = "";
      const error = await (async () => {
        for await (const [chunk] of stream) text += chunk.content;
      })().catch((e: unknown) => e);
      expect(ParseError.isInstance(error), String(error)).toBe(true);
      expect((error as ParseError).message).toMatch(/corrupt at byte \d+: the message checksum/);
      // The five text deltas before the corrupted 7th message, and no more.
      expect(text).toBe("The capital of France is Paris. Paris is not only the capital city but also the most");
      expect(stream.content).toBe(text);
      expect(fetch.cancelled).toBe(1);
    }
  });
});
