// The Responses API mode (`api: "responses"`). There is no recorded fixture for it: the bodies below
// are written from OpenAI's API reference — https://platform.openai.com/docs/api-reference/responses/create
// (the response object and its `usage`), https://platform.openai.com/docs/guides/function-calling
// (`function_call` items and `function_call_output` inputs) and
// https://platform.openai.com/docs/api-reference/responses-streaming (the event sequence:
// response.created, response.output_item.added, response.output_text.delta,
// response.function_call_arguments.delta/.done, response.output_item.done, response.completed, error).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool } from "../../src/index.ts";
import { StreamError } from "../../src/errors/index.ts";
import { OpenAICallResponse, openai } from "../../src/providers/openai/index.ts";
import { OpenAIResponsesCallResponse } from "../../src/providers/openai/responses/call-response.ts";
import { fixtures } from "../fixtures/index.ts";
import { createReplayFetch } from "../../src/testing/replay-fetch.ts";

const MODEL = "gpt-4.1-2025-04-14";
const usage = {
  input_tokens: 36,
  input_tokens_details: { cached_tokens: 12 },
  output_tokens: 87,
  output_tokens_details: { reasoning_tokens: 5 },
  total_tokens: 123,
};

function response(output: unknown[], extra: Record<string, unknown> = {}) {
  return {
    id: "resp_67ccd2bed1ec8190",
    object: "response",
    created_at: 1741476542,
    status: "completed",
    error: null,
    incomplete_details: null,
    model: MODEL,
    output,
    usage,
    ...extra,
  };
}
const message = (text: string) => ({
  type: "message",
  id: "msg_67ccd2bf17f08190",
  status: "completed",
  role: "assistant",
  content: [{ type: "output_text", text, annotations: [] }],
});
const functionCall = (callId: string, name: string, args: string) => ({
  type: "function_call",
  id: `fc_${callId}`,
  call_id: callId,
  name,
  arguments: args,
  status: "completed",
});

function events(list: Record<string, unknown>[]): string {
  return list.map((e, i) => `event: ${e.type}\ndata: ${JSON.stringify({ ...e, sequence_number: i })}\n\n`).join("");
}

const getWeather = defineTool({
  name: "get_weather",
  description: "Current weather for a location",
  parameters: z.object({ location: z.string() }),
  call: ({ location }) => `${location}: 21C`,
});

const textStream = events([
  { type: "response.created", response: response([], { status: "in_progress", usage: null }) },
  { type: "response.in_progress", response: response([], { status: "in_progress", usage: null }) },
  {
    type: "response.output_item.added",
    output_index: 0,
    item: { id: "msg_1", type: "message", status: "in_progress", role: "assistant", content: [] },
  },
  {
    type: "response.content_part.added",
    item_id: "msg_1",
    output_index: 0,
    content_index: 0,
    part: { type: "output_text", text: "", annotations: [] },
  },
  { type: "response.output_text.delta", item_id: "msg_1", output_index: 0, content_index: 0, delta: "Hi " },
  { type: "response.output_text.delta", item_id: "msg_1", output_index: 0, content_index: 0, delta: "there ✨" },
  { type: "response.output_text.done", item_id: "msg_1", output_index: 0, content_index: 0, text: "Hi there ✨" },
  { type: "response.output_item.done", output_index: 0, item: message("Hi there ✨") },
  { type: "response.completed", response: response([message("Hi there ✨")]) },
]);

describe("openai Responses API", () => {
  it("sends input and instructions to /responses and reads text, usage and id", async () => {
    const fetch = createReplayFetch({ body: JSON.stringify(response([message("In a peaceful grove…")])) });
    const call = openai.call({ model: "gpt-4.1", api: "responses", client: { apiKey: "k", fetch } }, (topic: string) => [
      { role: "system" as const, content: "You are a storyteller." },
      { role: "user" as const, content: `A story about ${topic}` },
    ]);
    const r = await call("unicorns");
    const req = fetch.requests[0];
    expect(req.url).toBe("https://api.openai.com/v1/responses");
    expect(req.headers.authorization).toBe("Bearer k");
    expect(req.json).toEqual({
      model: "gpt-4.1",
      instructions: "You are a storyteller.",
      input: [{ role: "user", content: "A story about unicorns" }],
    });
    expect(r.content).toBe("In a peaceful grove…");
    expect(r.id).toBe("resp_67ccd2bed1ec8190");
    expect(r.model).toBe(MODEL);
    expect(r.finishReasons).toEqual(["stop"]);
    expect(r.commonFinishReasons).toEqual(["stop"]);
    expect(r.usage).toEqual({ inputTokens: 36, outputTokens: 87, cachedTokens: 12, totalTokens: 123, reasoningTokens: 5 });
    expect(r.cost).toBeGreaterThan(0);
    expect(r.messageParam).toEqual({ role: "assistant", content: "In a peaceful grove…" });
  });

  it("maps call params, tools, tool_choice and the json_schema format to the Responses shape", async () => {
    const Book = z.object({ title: z.string() });
    const fetch = createReplayFetch({ body: JSON.stringify(response([message('{"title":"Dune"}')])) });
    const callParams = {
      max_completion_tokens: 300,
      reasoning_effort: "low" as const,
      temperature: 1,
      tool_choice: "auto" as const,
      extraBody: { store: false },
    };
    const book = await openai.call(
      { model: "o4-mini", api: "responses", responseModel: Book, tools: [getWeather], callParams, client: { apiKey: "k", fetch } },
      () => "A book",
    )();
    expect(book).toEqual({ title: "Dune" });
    const sent = fetch.requests[0].json as Record<string, any>;
    expect(sent.max_output_tokens).toBe(300);
    expect(sent.max_completion_tokens).toBeUndefined();
    expect(sent.reasoning).toEqual({ effort: "low" });
    expect(sent.temperature).toBe(1);
    expect(sent.tool_choice).toBe("auto");
    expect(sent.store).toBe(false);
    expect(sent.tools).toEqual([
      {
        type: "function",
        name: "get_weather",
        description: "Current weather for a location",
        parameters: expect.objectContaining({ type: "object", required: ["location"] }),
        strict: false,
      },
    ]);
    expect(sent.text.format.type).toBe("json_schema");
    expect(sent.text.format.name).toBe("response");
    expect(sent.text.format.strict).toBe(true);
    expect(sent.text.format.schema.additionalProperties).toBe(false);
    expect(sent.response_format).toBeUndefined();
  });

  it("jsonMode and forced tool calls use text.format json_object and the flat tool_choice", async () => {
    const fetch = createReplayFetch([
      { body: JSON.stringify(response([message('{"a":1}')])) },
      { body: JSON.stringify(response([functionCall("call_1", "response", '{"title":"Emma"}')])) },
    ]);
    await openai.call({ model: "gpt-4.1", api: "responses", jsonMode: true, client: { apiKey: "k", fetch } }, () => "x")();
    const json = fetch.requests[0].json as Record<string, any>;
    expect(json.text).toEqual({ format: { type: "json_object" } });
    expect(json.instructions).toMatch(/JSON/);
    const Book = z.object({ title: z.string() });
    const book = await openai.call(
      { model: "gpt-4.1", api: "responses", responseModel: Book, structuredOutputMode: "tool", client: { apiKey: "k", fetch } },
      () => "x",
    )();
    expect(book).toEqual({ title: "Emma" });
    expect((fetch.requests[1].json as Record<string, any>).tool_choice).toEqual({ type: "function", name: "response" });
  });

  it("multimodal parts become input_text, input_image, input_file and input_audio", async () => {
    const fetch = createReplayFetch({ body: JSON.stringify(response([message("ok")])) });
    await openai.call({ model: "gpt-4.1", api: "responses", client: { apiKey: "k", fetch } }, () => [
      {
        role: "user" as const,
        content: [
          { type: "text" as const, text: "What is this?" },
          { type: "image" as const, url: "https://example.com/a.jpg" },
          { type: "document" as const, mediaType: "application/pdf", data: "JVBERi0=", name: "a.pdf" },
          { type: "audio" as const, mediaType: "audio/wav", data: "UklGRg==" },
        ],
      },
    ])();
    expect((fetch.requests[0].json as Record<string, any>).input).toEqual([
      {
        role: "user",
        content: [
          { type: "input_text", text: "What is this?" },
          { type: "input_image", image_url: "https://example.com/a.jpg", detail: "auto" },
          { type: "input_file", file_data: "data:application/pdf;base64,JVBERi0=", filename: "a.pdf" },
          { type: "input_audio", input_audio: { data: "UklGRg==", format: "wav" } },
        ],
      },
    ]);
  });

  it("a two-turn loop sends function_call items and function_call_output items back", async () => {
    const fetch = createReplayFetch([
      {
        body: JSON.stringify(
          response([
            functionCall("call_1", "get_weather", '{"location":"Paris, France"}'),
            functionCall("call_2", "get_weather", '{"location":"Oslo"}'),
          ]),
        ),
      },
      { body: JSON.stringify(response([message("Paris is 21C, Oslo too.")])) },
    ]);
    const ask = openai.call({ model: "gpt-4.1", api: "responses", tools: [getWeather], client: { apiKey: "k", fetch } }, (q: string) => [
      { role: "system" as const, content: "Use tools." },
      { role: "user" as const, content: q },
    ]);
    const first = await ask("Weather?");
    expect(first.finishReasons).toEqual(["tool_calls"]);
    expect(first.tools.map((t) => t.args)).toEqual([{ location: "Paris, France" }, { location: "Oslo" }]);
    const second = await first.resume(await first.executeTools());
    expect(second.content).toBe("Paris is 21C, Oslo too.");
    const sent = fetch.requests[1].json as Record<string, any>;
    expect(sent.instructions).toBe("Use tools.");
    expect(sent.input).toEqual([
      { role: "user", content: "Weather?" },
      { type: "function_call", call_id: "call_1", name: "get_weather", arguments: '{"location":"Paris, France"}' },
      { type: "function_call", call_id: "call_2", name: "get_weather", arguments: '{"location":"Oslo"}' },
      { type: "function_call_output", call_id: "call_1", output: "Paris, France: 21C" },
      { type: "function_call_output", call_id: "call_2", output: "Oslo: 21C" },
    ]);
  });

  it("streams text events, whole and re-chunked; constructCallResponse returns the completed response", async () => {
    for (let seed = 0; seed <= 15; seed++) {
      const fetch = createReplayFetch({ body: textStream, chunking: seed === 0 ? undefined : { seed, maxChunkSize: 23 } });
      const s = await openai.call({ model: "gpt-4.1", api: "responses", stream: true, client: { apiKey: "k", fetch } }, () => "hi")();
      const deltas: string[] = [];
      for await (const [chunk] of s) if (chunk.content) deltas.push(chunk.content);
      expect(deltas).toEqual(["Hi ", "there ✨"]);
      expect(s.content).toBe("Hi there ✨");
      expect(s.id).toBe("resp_67ccd2bed1ec8190");
      expect(s.model).toBe(MODEL);
      expect(s.finishReasons).toEqual(["stop"]);
      expect(s.usage).toEqual({ inputTokens: 36, outputTokens: 87, cachedTokens: 12, totalTokens: 123, reasoningTokens: 5 });
      const r = s.constructCallResponse();
      expect(r.raw).toEqual(response([message("Hi there ✨")]));
      expect(r.content).toBe("Hi there ✨");
      expect((fetch.requests[0].json as Record<string, unknown>).stream).toBe(true);
      expect((fetch.requests[0].json as Record<string, unknown>).stream_options).toBeUndefined();
    }
  });

  it("a streamed function call is yielded at response.function_call_arguments.done", async () => {
    const item = { type: "function_call", id: "fc_1", call_id: "call_1", name: "get_weather", arguments: "" };
    const full = '{"location":"Paris, France"}';
    const body = events([
      { type: "response.created", response: response([], { status: "in_progress", usage: null }) },
      { type: "response.output_item.added", output_index: 0, item },
      { type: "response.function_call_arguments.delta", item_id: "fc_1", output_index: 0, delta: '{"location":' },
      { type: "response.function_call_arguments.delta", item_id: "fc_1", output_index: 0, delta: '"Paris, France"}' },
      { type: "response.function_call_arguments.done", item_id: "fc_1", output_index: 0, arguments: full },
      { type: "response.output_item.done", output_index: 0, item: { ...item, arguments: full, status: "completed" } },
      { type: "response.completed", response: response([{ ...item, arguments: full, status: "completed" }]) },
    ]);
    const fetch = createReplayFetch({ body });
    const s = await openai.call(
      { model: "gpt-4.1", api: "responses", stream: true, tools: [getWeather], client: { apiKey: "k", fetch } },
      () => "?",
    )();
    const yielded: [string, string][] = [];
    for await (const [chunk, tool] of s)
      if (tool) yielded.push([(chunk.raw as unknown as { type: string }).type, JSON.stringify(tool.args)]);
    expect(yielded).toEqual([["response.function_call_arguments.done", '{"location":"Paris, France"}']]);
    expect(s.finishReasons).toEqual(["tool_calls"]);
    expect(s.messageParam).toEqual({
      role: "assistant",
      content: null,
      tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: full } }],
    });
  });

  it("error and response.failed events end the stream with a StreamError keeping the text so far", async () => {
    const start = [
      { type: "response.created", response: response([], { status: "in_progress", usage: null }) },
      { type: "response.output_text.delta", item_id: "msg_1", output_index: 0, content_index: 0, delta: "Partial" },
    ];
    const failed = response([], { status: "failed", usage: null, error: { code: "server_error", message: "The model crashed." } });
    const bodies = [
      events([...start, { type: "error", code: "ERR_SOMETHING", message: "Something went wrong", param: null }]),
      events([...start, { type: "response.failed", response: failed }]),
    ];
    for (const [i, body] of bodies.entries()) {
      const fetch = createReplayFetch({ body });
      const s = await openai.call({ model: "gpt-4.1", api: "responses", stream: true, client: { apiKey: "k", fetch } }, () => "?")();
      const caught = await (async () => {
        for await (const _ of s) {
          // drain
        }
      })().catch((e: unknown) => e);
      expect(StreamError.isInstance(caught)).toBe(true);
      expect((caught as StreamError).content).toBe("Partial");
      expect((caught as StreamError).code).toBe(i === 0 ? "ERR_SOMETHING" : "server_error");
      expect((caught as StreamError).message).toContain(i === 0 ? "Something went wrong" : "The model crashed");
    }
  });

  it("an incomplete response reports its reason as the finish reason", async () => {
    const body = JSON.stringify(response([message("Cut")], { status: "incomplete", incomplete_details: { reason: "max_output_tokens" } }));
    const fetch = createReplayFetch({ body });
    const r = await openai.call({ model: "gpt-4.1", api: "responses", client: { apiKey: "k", fetch } }, () => "?")();
    expect(r.finishReasons).toEqual(["max_output_tokens"]);
    expect(r.commonFinishReasons).toEqual(["length"]);
  });

  it("a response built by hand from a Responses API body is read at once by its own class, with no resolveTools() first", () => {
    const raw = JSON.parse(fixtures["extra/openai/responses_web_search_call_items.json"]);
    const expected = JSON.parse(fixtures["extra/openai/responses_web_search_call_items.expect.json"]) as { text: string };
    const r = new OpenAIResponsesCallResponse({ raw, provider: "openai", messages: [] });
    expect(r).toBeInstanceOf(OpenAICallResponse);
    expect(r.content).toBe(expected.text);
    expect(r.model).toBe("gpt-4o-2024-07-18");
    expect(r.messageParam).toEqual({ role: "assistant", content: expected.text });
  });

  it("a Responses API call answers with the Responses classes, a Chat Completions call with the chat ones", async () => {
    const raw = fixtures["extra/openai/responses_web_search_call_items.json"];
    const viaResponses = await openai.call(
      { model: "gpt-4o", api: "responses", client: { apiKey: "k", fetch: createReplayFetch({ body: raw }) } },
      () => "?",
    )();
    expect(viaResponses).toBeInstanceOf(OpenAIResponsesCallResponse);
    const chat = await openai.call(
      { model: "gpt-4.1-nano", client: { apiKey: "k", fetch: createReplayFetch({ body: fixtures["openai/chat_text.json"] }) } },
      () => "?",
    )();
    expect(chat).toBeInstanceOf(OpenAICallResponse);
    expect(chat).not.toBeInstanceOf(OpenAIResponsesCallResponse);
  });
});
