// jsonMode and responseModel with the Anthropic provider: a forced tool ("tool" mode, the default)
// or instructions plus JSON extraction ("json" mode), non-streaming and streaming.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { responseOf } from "../../src/core/structured/response-of.ts";
import { defineTool } from "../../src/core/tools/tool.ts";
import { anthropic } from "../../src/providers/anthropic/index.ts";
import { extractJsonText } from "../../src/core/structured/extract-json-text.ts";
import { JsonTextTracker } from "../../src/core/structured/json-text-tracker.ts";
import { JSON_MODE_INSTRUCTION } from "../../src/providers/anthropic/setup-call.ts";
import { createReplayFetch, fixtureResponse } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";

const City = z.object({ city: z.string(), country: z.string() }).meta({ title: "final_result" });

function sse(events: Record<string, unknown>[]): string {
  return events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join("");
}

function message(content: unknown[], stop_reason = "end_turn") {
  return JSON.stringify({
    id: "msg_x",
    type: "message",
    role: "assistant",
    model: "claude-haiku-4-5-20251001",
    content,
    stop_reason,
    stop_sequence: null,
    usage: { input_tokens: 10, output_tokens: 10 },
  });
}

const textStream = (pieces: string[]) =>
  sse([
    {
      type: "message_start",
      message: {
        id: "msg_s",
        type: "message",
        role: "assistant",
        content: [],
        model: "claude-haiku-4-5",
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 9, output_tokens: 1 },
      },
    },
    { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
    ...pieces.map((text) => ({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text } })),
    { type: "content_block_stop", index: 0 },
    { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: 30 } },
    { type: "message_stop" },
  ]);

describe("anthropic responseModel via a forced tool", () => {
  it("sends the schema as a tool forced by tool_choice and returns the validated input (recorded fixture)", async () => {
    const fetch = createReplayFetch(fixtureResponse(fixtures["anthropic/tool_use.json"]));
    const value = await anthropic.call(
      { model: "claude-sonnet-4-5", responseModel: City, client: { fetch, apiKey: "k" } },
      () => "Where?",
    )();
    expect(value).toEqual({ city: "Mexico City", country: "Mexico" });
    expect(responseOf(value)?.id).toBe("msg_01K4Fzcf1bhiyLzHpwLdrefj");
    const body = fetch.requests[0].json as Record<string, any>;
    expect(body.tools).toHaveLength(1);
    expect(body.tools[0]).toMatchObject({
      name: "final_result",
      input_schema: { type: "object", properties: { city: { type: "string" } } },
    });
    expect(typeof body.tools[0].description).toBe("string");
    expect(body.tool_choice).toEqual({ type: "tool", name: "final_result" });
    expect(body.system).toBeUndefined();
  });

  it("json-schema mode also uses the forced tool; with the call's own tools the choice is `any`", async () => {
    const other = defineTool({ name: "lookup", description: "d", parameters: z.object({ q: z.string() }), call: () => "x" });
    const fetch = createReplayFetch([
      fixtureResponse(fixtures["anthropic/tool_use.json"]),
      fixtureResponse(fixtures["anthropic/tool_use.json"]),
    ]);
    await anthropic.call(
      { model: "m", responseModel: City, structuredOutputMode: "json-schema", client: { fetch, apiKey: "k" } },
      () => "Q",
    )();
    expect((fetch.requests[0].json as Record<string, any>).tool_choice).toEqual({ type: "tool", name: "final_result" });
    await anthropic.call({ model: "m", responseModel: City, tools: [other], client: { fetch, apiKey: "k" } }, () => "Q")();
    const body = fetch.requests[1].json as Record<string, any>;
    expect(body.tools.map((t: { name: string }) => t.name)).toEqual(["lookup", "final_result"]);
    expect(body.tool_choice).toEqual({ type: "any" });
  });

  it("with extended thinking (which forbids forced tools) the tool is asked for in the system prompt", async () => {
    const fetch = createReplayFetch(fixtureResponse(fixtures["anthropic/tool_use.json"]));
    await anthropic.call(
      {
        model: "m",
        responseModel: City,
        callParams: { thinking: { type: "enabled", budget_tokens: 1024 } },
        client: { fetch, apiKey: "k" },
      },
      () => [
        { role: "system", content: "Be exact." },
        { role: "user", content: "Q" },
      ],
    )();
    const body = fetch.requests[0].json as Record<string, any>;
    expect(body.tool_choice).toEqual({ type: "auto" });
    expect(body.system).toMatch(/^Be exact\.\n\n.*`final_result` tool/);
  });

  it("streaming: partial values come from the forced tool's input_json_delta only", async () => {
    const body = sse([
      {
        type: "message_start",
        message: {
          id: "msg_t",
          type: "message",
          role: "assistant",
          content: [],
          model: "claude-haiku-4-5",
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: 9, output_tokens: 1 },
        },
      },
      { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
      { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Here {not json" } },
      { type: "content_block_stop", index: 0 },
      { type: "content_block_start", index: 1, content_block: { type: "tool_use", id: "toolu_s", name: "final_result", input: {} } },
      { type: "content_block_delta", index: 1, delta: { type: "input_json_delta", partial_json: '{"city": "Par' } },
      { type: "content_block_delta", index: 1, delta: { type: "input_json_delta", partial_json: 'is", "country"' } },
      { type: "content_block_delta", index: 1, delta: { type: "input_json_delta", partial_json: ': "France"}' } },
      { type: "content_block_stop", index: 1 },
      { type: "message_delta", delta: { stop_reason: "tool_use", stop_sequence: null }, usage: { output_tokens: 30 } },
      { type: "message_stop" },
    ]);
    for (const seed of [undefined, 1, 2, 3]) {
      const fetch = createReplayFetch(fixtureResponse(body, { seed, maxChunkSize: 13 }));
      const stream = await anthropic.call(
        { model: "claude-haiku-4-5", stream: true, responseModel: City, client: { fetch, apiKey: "k" } },
        () => "Q",
      )();
      const partials: unknown[] = [];
      for await (const partial of stream) partials.push(structuredClone(partial));
      expect(partials[0]).toEqual({ city: "Par" });
      expect(partials.at(-1)).toEqual({ city: "Paris", country: "France" });
      expect(await stream.final()).toEqual({ city: "Paris", country: "France" });
      expect(stream.text).toBe('{"city": "Paris", "country": "France"}');
    }
  });
});

describe("anthropic json mode", () => {
  it("responseModel in json mode: the schema goes into system and the JSON is taken out of prose and fences", async () => {
    const reply = 'Sure! Here it is:\n```json\n{"city": "Paris", "country": "France"}\n```\nAnything else?';
    const fetch = createReplayFetch(fixtureResponse(message([{ type: "text", text: reply }])));
    const value = await anthropic.call({ model: "m", responseModel: City, jsonMode: true, client: { fetch, apiKey: "k" } }, () => "Q")();
    expect(value).toEqual({ city: "Paris", country: "France" });
    const body = fetch.requests[0].json as Record<string, any>;
    expect(body.tools).toBeUndefined();
    expect(body.tool_choice).toBeUndefined();
    expect(body.system).toContain('"country"');
    expect(body.system).toMatch(/JSON Schema/);
  });

  it("jsonMode alone adds the JSON instruction after the existing system text", async () => {
    const fetch = createReplayFetch([
      fixtureResponse(message([{ type: "text", text: '{"a": 1}' }])),
      fixtureResponse(message([{ type: "text", text: "[]" }])),
    ]);
    const response = await anthropic.call({ model: "m", jsonMode: true, client: { fetch, apiKey: "k" } }, () => [
      { role: "system", content: "You list things." },
      { role: "user", content: "Q" },
    ])();
    expect(response.content).toBe('{"a": 1}');
    expect((fetch.requests[0].json as Record<string, any>).system).toBe(`You list things.\n\n${JSON_MODE_INSTRUCTION}`);
    await anthropic.call({ model: "m", jsonMode: true, client: { fetch, apiKey: "k" } }, () => "Q")();
    expect((fetch.requests[1].json as Record<string, any>).system).toBe(JSON_MODE_INSTRUCTION);
  });

  it("streaming json mode: partials skip the prose and fence around the JSON", async () => {
    const pieces = ["Sure:\n```", 'json\n{"ci', 'ty": "Os', 'lo", "country": "Nor', 'way"}\n``', "`\nDone {really}"];
    const fetch = createReplayFetch(fixtureResponse(textStream(pieces), { seed: 4, maxChunkSize: 7 }));
    const stream = await anthropic.call(
      { model: "m", stream: true, responseModel: City, structuredOutputMode: "json", client: { fetch, apiKey: "k" } },
      () => "Q",
    )();
    const partials: unknown[] = [];
    for await (const partial of stream) partials.push(structuredClone(partial));
    expect(partials.at(-1)).toEqual({ city: "Oslo", country: "Norway" });
    expect(stream.text).toBe('{"city": "Oslo", "country": "Norway"}');
    expect(await stream.final()).toEqual({ city: "Oslo", country: "Norway" });
    expect(stream.stream.content).toBe(pieces.join(""));
  });

  it("extractJsonText: fenced block, else first { to last }, else first [ to last ]", () => {
    expect(extractJsonText('x ```json\n{"a":1}\n``` y')).toBe('{"a":1}');
    expect(extractJsonText('Note {"a": {"b": 2}} end')).toBe('{"a": {"b": 2}}');
    expect(extractJsonText("list: [1, 2] ok")).toBe("[1, 2]");
    expect(extractJsonText("  plain  ")).toBe("plain");
  });

  it("JsonTextTracker keeps braces inside strings and stops after the value", () => {
    const tracker = new JsonTextTracker();
    const out = ['pre {"s": "a}', '\\"b{"', ', "n": [1, {"x": 2}]', "} post {", "}"].map((p) => tracker.push(p)).join("");
    expect(out).toBe('{"s": "a}\\"b{", "n": [1, {"x": 2}]}');
    expect(JSON.parse(out)).toEqual({ s: 'a}"b{', n: [1, { x: 2 }] });
  });
});
