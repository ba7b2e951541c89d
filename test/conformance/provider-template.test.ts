// The provider template (src/providers/README.md), checked on each provider's entry: the same hook
// names, the definition made of exactly those hooks, `handleStream` yielding single items (never
// arrays) on a recorded stream with a tool call, and unknown finish reasons mapped to one value.
// A new provider adds a row to PROVIDERS. (Its files are checked by test/node/provider-template-files.test.ts.)
import { describe, expect, it } from "vitest";
import * as anthropicEntry from "promptcall/anthropic";
import * as bedrockEntry from "promptcall/bedrock";
import * as googleEntry from "promptcall/google";
import * as openaiEntry from "promptcall/openai";
import { BaseCallResponseChunk } from "../../src/core/call-response-chunk.ts";
import { UNKNOWN_FINISH_REASON } from "../../src/core/finish-reason.ts";
import type { OutputContext } from "../../src/core/provider-definition.ts";
import { defineResponsesProvider } from "../../src/providers/openai/responses/provider.ts";
import { binaryFixtures, fixtures } from "../fixtures/index.ts";

interface Row {
  /** `openai` → openai, openaiCall, openaiProvider. */
  name: string;
  /** `OpenAI` → OpenAICallResponse, OpenAICallResponseChunk, OpenAIStream, OpenAITool. */
  Name: string;
  entry: Record<string, unknown>;
  /** A recorded stream body with a tool call, for `handleStream`. */
  stream: () => Uint8Array;
}

const text = (key: string) => () => new TextEncoder().encode(fixtures[key]);
const binary = (key: string) => () => Uint8Array.from(atob(binaryFixtures[key]), (c) => c.charCodeAt(0));

const PROVIDERS: Row[] = [
  { name: "openai", Name: "OpenAI", entry: openaiEntry, stream: text("openai/chat_stream_tool_call.sse") },
  { name: "anthropic", Name: "Anthropic", entry: anthropicEntry, stream: text("anthropic/stream_tool_use_docs.sse") },
  { name: "google", Name: "Google", entry: googleEntry, stream: text("extra/gemini/stream_function_call_thought_signature.sse") },
  { name: "bedrock", Name: "Bedrock", entry: bedrockEntry, stream: binary("bedrock/converse_stream_tool_use_claude3_sonnet.eventstream") },
];

/** The hooks every provider's entry exports under these names, each the one its definition holds. */
const HOOKS = ["setupCall", "handleStream", "getJsonOutput", "toError"] as const;

const body = (bytes: Uint8Array) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });

const context = (): OutputContext => ({
  model: "m",
  structured: undefined,
  structuredMode: undefined,
  options: { model: "m" },
  signal: new AbortController().signal,
});

type HandleStream = (body: ReadableStream<Uint8Array>, ctx: OutputContext) => AsyncIterable<unknown>;

/** Every item `handleStream` yields: each must be one `{ chunk, toolCall? }`, never an array. */
async function items(handleStream: HandleStream, bytes: Uint8Array) {
  const out: { chunk: unknown; toolCall?: { name: string } }[] = [];
  for await (const item of handleStream(body(bytes), context())) {
    expect(Array.isArray(item)).toBe(false);
    out.push(item as (typeof out)[number]);
  }
  return out;
}

describe("provider template", () => {
  for (const { name, Name, entry, stream } of PROVIDERS) {
    describe(name, () => {
      it("its entry exports the template's names", () => {
        const names = [
          name,
          `${name}Call`,
          `${name}Provider`,
          ...HOOKS,
          "mapFinishReason",
          "convertUsage",
          `${name.toUpperCase()}_PRICES`,
          `${Name}CallResponse`,
          `${Name}CallResponseChunk`,
          `${Name}Stream`,
          `${Name}Tool`,
        ];
        expect(names.filter((n) => entry[n] === undefined)).toEqual([]);
        for (const hook of [...HOOKS, "mapFinishReason", "convertUsage", `${name}Call`]) expect(typeof entry[hook], hook).toBe("function");
      });

      it("its definition is made of the exported classes and hooks, and its provider object calls through it", () => {
        const definition = entry[`${name}Provider`] as Record<string, unknown>;
        expect(definition.name).toBe(name);
        for (const hook of HOOKS) expect(definition[hook], hook).toBe(entry[hook]);
        expect(definition.responseClass).toBe(entry[`${Name}CallResponse`]);
        expect(definition.streamClass).toBe(entry[`${Name}Stream`]);
        expect(definition.toolClass).toBe(entry[`${Name}Tool`]);
        expect(definition.prices).toBe(entry[`${name.toUpperCase()}_PRICES`]);
        expect((entry[name] as { name: string; call: unknown }).call).toBe(entry[`${name}Call`]);
      });

      it("handleStream yields single items: a chunk each, and a tool call with the chunk that completed it", async () => {
        const all = await items(entry.handleStream as HandleStream, stream());
        expect(all.length).toBeGreaterThan(1);
        for (const item of all) expect(item.chunk).toBeInstanceOf(BaseCallResponseChunk);
        expect(all.filter((item) => item.toolCall).length).toBeGreaterThan(0);
        for (const item of all) if (item.toolCall) expect(typeof item.toolCall.name).toBe("string");
      });

      it(`an unknown finish reason maps to UNKNOWN_FINISH_REASON ("${UNKNOWN_FINISH_REASON}")`, () => {
        const map = entry.mapFinishReason as (reason: string) => string;
        expect(map("a_reason_added_after_this_code_was_written")).toBe(UNKNOWN_FINISH_REASON);
      });
    });
  }

  it("unknown finish reasons count as a normal stop", () => {
    expect(UNKNOWN_FINISH_REASON).toBe("stop");
  });

  it("OpenAI's Responses API protocol has the same shape: its handleStream yields single items too", async () => {
    const responses = defineResponsesProvider(openaiEntry.OPENAI_SETTINGS);
    const all = await items(responses.handleStream as HandleStream, text("extra/openai/responses_stream_function_call.sse")());
    expect(all.length).toBeGreaterThan(1);
    for (const item of all) expect(item.chunk).toBeInstanceOf(BaseCallResponseChunk);
    expect(all.filter((item) => item.toolCall).map((item) => item.toolCall!.name).length).toBeGreaterThan(0);
    expect(responses.getJsonOutput).toBe(openaiEntry.getJsonOutput);
  });
});
