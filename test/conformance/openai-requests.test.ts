// The Chat Completions request bodies promptcall sends, checked against the API reference
// (https://platform.openai.com/docs/api-reference/chat/create). Response bodies here are minimal
// `chat.completion` objects in the documented shape.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, type BaseMessageParam } from "../../src/index.ts";
import { openai, openaiSupportsJsonSchema, type ChatCompletionMessageParam } from "../../src/providers/openai/index.ts";
import { createReplayFetch, type RecordedRequest } from "../../src/testing/replay-fetch.ts";

function completion(message: Record<string, unknown>, finish = "stop") {
  return JSON.stringify({
    id: "chatcmpl-test",
    object: "chat.completion",
    created: 1,
    model: "gpt-4o-mini-2024-07-18",
    choices: [{ index: 0, message: { role: "assistant", content: null, refusal: null, ...message }, finish_reason: finish }],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15, prompt_tokens_details: { cached_tokens: 4 } },
  });
}

function replay(...bodies: string[]) {
  return createReplayFetch(bodies.map((body) => ({ body })));
}

function body(request: RecordedRequest): Record<string, any> {
  return request.json as Record<string, any>;
}

const getWeather = defineTool({
  name: "get_weather",
  description: "Current weather for a city",
  parameters: z.object({ city: z.string(), unit: z.enum(["c", "f"]).optional() }),
  call: ({ city }) => ({ city, tempC: 21 }),
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const WAV = new Uint8Array([...new TextEncoder().encode("RIFF"), 0, 0, 0, 0, ...new TextEncoder().encode("WAVE"), 9]);
const PDF = new TextEncoder().encode("%PDF-1.7 tiny");
const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

describe("openai request bodies", () => {
  it("a plain call posts model and messages to /chat/completions with a bearer key", async () => {
    const fetch = replay(completion({ content: "Hi" }));
    const r = await openai.call({ model: "gpt-4o-mini", client: { apiKey: "sk-test", fetch } }, (q: string) => q)("Hello");
    const req = fetch.requests[0];
    expect(req.method).toBe("POST");
    expect(req.url).toBe("https://api.openai.com/v1/chat/completions");
    expect(req.headers.authorization).toBe("Bearer sk-test");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(body(req)).toEqual({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Hello" }] });
    expect(r.content).toBe("Hi");
    expect(r.usage).toEqual({ inputTokens: 10, outputTokens: 5, cachedTokens: 4, totalTokens: 15 });
    expect(r.cost).toBeCloseTo((6 * 0.15 + 4 * 0.075 + 5 * 0.6) / 1e6, 12);
  });

  it("call params are sent under their API names; extraBody is merged as given", async () => {
    const fetch = replay(completion({ content: "ok" }));
    const callParams = {
      temperature: 0.2,
      top_p: 0.9,
      max_completion_tokens: 100,
      seed: 7,
      stop: ["END"],
      parallel_tool_calls: false,
      reasoning_effort: "low" as const,
      frequency_penalty: 0.1,
      presence_penalty: 0.2,
      logit_bias: { "50256": -100 },
      user: "u-1",
      service_tier: "flex" as const,
      extraBody: { prediction: { type: "content", content: "x" } },
    };
    await openai.call({ model: "o4-mini", callParams, client: { apiKey: "k", fetch } }, () => "hi")();
    const { extraBody: _, ...params } = callParams;
    expect(body(fetch.requests[0])).toEqual({
      model: "o4-mini",
      messages: [{ role: "user", content: "hi" }],
      ...params,
      prediction: { type: "content", content: "x" },
    });
  });

  it("organization, project and custom headers are sent", async () => {
    const fetch = replay(completion({ content: "ok" }));
    const client = { apiKey: "k", fetch, organization: "org-1", project: "proj-1", headers: { "x-trace": "t1" } };
    await openai.call({ model: "gpt-4o-mini", client }, () => "hi")();
    const h = fetch.requests[0].headers;
    expect([h["openai-organization"], h["openai-project"], h["x-trace"]]).toEqual(["org-1", "proj-1", "t1"]);
  });

  it("tools are function tools with their JSON Schema; tool_choice passes through", async () => {
    const fetch = replay(completion({ content: "ok" }));
    const callParams = { tool_choice: { type: "function" as const, function: { name: "get_weather" } } };
    await openai.call({ model: "gpt-4o-mini", tools: [getWeather], callParams, client: { apiKey: "k", fetch } }, () => "hi")();
    const sent = body(fetch.requests[0]);
    expect(sent.tool_choice).toEqual({ type: "function", function: { name: "get_weather" } });
    expect(sent.tools).toHaveLength(1);
    const tool = sent.tools[0];
    expect(tool.type).toBe("function");
    expect(tool.function.name).toBe("get_weather");
    expect(tool.function.description).toBe("Current weather for a city");
    expect(tool.function.strict).toBeUndefined();
    expect(tool.function.parameters.type).toBe("object");
    expect(tool.function.parameters.properties.city).toEqual({ type: "string" });
    expect(tool.function.parameters.required).toEqual(["city"]);
  });

  it("a tool with providerOptions.strict is sent in strict mode; null optionals are dropped before validation", async () => {
    const strictWeather = defineTool({
      name: "get_weather",
      description: "Current weather for a city",
      parameters: z.object({ city: z.string(), unit: z.enum(["c", "f"]).optional() }),
      call: ({ city }) => ({ city, tempC: 21 }),
      providerOptions: { strict: true },
    });
    const call = { id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Oslo","unit":null}' } };
    const fetch = replay(completion({ tool_calls: [call] }, "tool_calls"));
    const r = await openai.call({ model: "gpt-4o-mini", tools: [strictWeather], client: { apiKey: "k", fetch } }, () => "hi")();
    const fn = body(fetch.requests[0]).tools[0].function;
    expect(fn.strict).toBe(true);
    expect(fn.parameters.additionalProperties).toBe(false);
    expect(fn.parameters.required).toEqual(["city", "unit"]);
    expect(r.tool?.args).toEqual({ city: "Oslo" });
    expect(r.tool?.toolCall.args).toBe('{"city":"Oslo","unit":null}');
  });

  it("stream: true asks for usage with stream_options.include_usage", async () => {
    const fetch = createReplayFetch({ body: "data: [DONE]\n\n" });
    const s = await openai.call({ model: "gpt-4o-mini", stream: true, client: { apiKey: "k", fetch } }, () => "hi")();
    for await (const _ of s) {
      // drain
    }
    const sent = body(fetch.requests[0]);
    expect(sent.stream).toBe(true);
    expect(sent.stream_options).toEqual({ include_usage: true });
  });

  it("jsonMode sends response_format json_object and adds a JSON instruction only when no message mentions JSON", async () => {
    const fetch = replay(completion({ content: '{"a":1}' }), completion({ content: '{"a":1}' }));
    const r = await openai.call({ model: "gpt-4o-mini", jsonMode: true, client: { apiKey: "k", fetch } }, () => "List a")();
    expect(r.content).toBe('{"a":1}');
    const first = body(fetch.requests[0]);
    expect(first.response_format).toEqual({ type: "json_object" });
    expect(first.messages[0].role).toBe("system");
    expect(first.messages[0].content).toMatch(/JSON/);
    expect(first.messages[1]).toEqual({ role: "user", content: "List a" });
    await openai.call({ model: "gpt-4o-mini", jsonMode: true, client: { apiKey: "k", fetch } }, () => "Answer in json")();
    expect(body(fetch.requests[1]).messages).toEqual([{ role: "user", content: "Answer in json" }]);
  });

  it("responseModel uses a strict json_schema response format and parses the content", async () => {
    const Book = z.object({ title: z.string(), year: z.number().optional() });
    const fetch = replay(completion({ content: '{"title":"Dune","year":null}' }));
    const book = await openai.call({ model: "gpt-4.1-mini", responseModel: Book, client: { apiKey: "k", fetch } }, () => "A book")();
    expect(book).toEqual({ title: "Dune" });
    const format = body(fetch.requests[0]).response_format;
    expect(format.type).toBe("json_schema");
    expect(format.json_schema.name).toBe("response");
    expect(format.json_schema.strict).toBe(true);
    expect(format.json_schema.schema.additionalProperties).toBe(false);
    expect(format.json_schema.schema.required).toEqual(["title", "year"]);
  });

  it("responseModel on a model without Structured Outputs forces a tool call and reads its arguments", async () => {
    const Book = z.object({ title: z.string() });
    const call = { id: "call_9", type: "function", function: { name: "response", arguments: '{"title":"Emma"}' } };
    const fetch = replay(completion({ tool_calls: [call] }, "stop"));
    const book = await openai.call({ model: "gpt-3.5-turbo", responseModel: Book, client: { apiKey: "k", fetch } }, () => "A book")();
    expect(book).toEqual({ title: "Emma" });
    const sent = body(fetch.requests[0]);
    expect(sent.response_format).toBeUndefined();
    expect(sent.tool_choice).toEqual({ type: "function", function: { name: "response" } });
    expect(sent.tools[0].function.name).toBe("response");
    expect(sent.tools[0].function.parameters.properties.title).toEqual({ type: "string" });
  });

  it("the models without Structured Outputs are the ones released before it, in any case, with or without an openai/ prefix", () => {
    const legacy = [
      "gpt-3.5-turbo",
      "gpt-4",
      "gpt-4-0613",
      "gpt-4-turbo",
      "GPT-4",
      "openai/gpt-4",
      "OpenAI/gpt-4o-2024-05-13",
      "o1-mini",
      "o1-preview-2024-09-12",
    ];
    const current = [
      "gpt-4o",
      "gpt-4o-2024-08-06",
      "gpt-4o-2024-05-13-x",
      "gpt-4o-mini",
      "gpt-4.1",
      "o1",
      "o3-mini",
      "gpt-5",
      "chatgpt-4o-latest",
      "x/gpt-4",
      "my-model",
    ];
    expect(legacy.filter(openaiSupportsJsonSchema)).toEqual([]);
    expect(current.filter((model) => !openaiSupportsJsonSchema(model))).toEqual([]);
  });

  it("structuredOutputMode picks the mechanism: tool on any model, json as JSON mode plus the schema", async () => {
    const Book = z.object({ title: z.string() });
    const call = { id: "c", type: "function", function: { name: "response", arguments: '{"title":"A"}' } };
    const fetch = replay(completion({ tool_calls: [call] }), completion({ content: '```json\n{"title":"B"}\n```' }));
    const opts = { model: "gpt-4o", responseModel: Book, client: { apiKey: "k", fetch } };
    expect(await openai.call({ ...opts, structuredOutputMode: "tool" }, () => "x")()).toEqual({ title: "A" });
    expect(body(fetch.requests[0]).tool_choice).toEqual({ type: "function", function: { name: "response" } });
    expect(await openai.call({ ...opts, structuredOutputMode: "json" }, () => "x")()).toEqual({ title: "B" });
    const json = body(fetch.requests[1]);
    expect(json.response_format).toEqual({ type: "json_object" });
    expect(json.messages[0].role).toBe("system");
    expect(json.messages[0].content).toContain('"title"');
  });

  it("neutral multimodal parts become image_url, input_audio and file parts", async () => {
    const fetch = replay(completion({ content: "seen" }));
    const message: BaseMessageParam = {
      role: "user",
      content: [
        { type: "text", text: "Describe these" },
        { type: "image", url: "https://example.com/cat.jpg", detail: "low" },
        { type: "image", mediaType: "image/png", data: PNG },
        { type: "audio", mediaType: "audio/wav", data: WAV },
        { type: "audio", mediaType: "audio/mpeg", data: "SUQz" },
        { type: "document", mediaType: "application/pdf", data: PDF, name: "paper.pdf" },
        { type: "document", mediaType: "text/plain", data: new TextEncoder().encode("plain notes") },
      ],
    };
    await openai.call({ model: "gpt-4o", client: { apiKey: "k", fetch } }, () => [message])();
    expect(body(fetch.requests[0]).messages[0]).toEqual({
      role: "user",
      content: [
        { type: "text", text: "Describe these" },
        { type: "image_url", image_url: { url: "https://example.com/cat.jpg", detail: "low" } },
        { type: "image_url", image_url: { url: `data:image/png;base64,${b64(PNG)}` } },
        { type: "input_audio", input_audio: { data: b64(WAV), format: "wav" } },
        { type: "input_audio", input_audio: { data: "SUQz", format: "mp3" } },
        { type: "file", file: { file_data: `data:application/pdf;base64,${b64(PDF)}`, filename: "paper.pdf" } },
        { type: "text", text: "plain notes" },
      ],
    });
  });

  it("large image bytes are base64-encoded in slices (no stack overflow) and round-trip", async () => {
    const big = new Uint8Array(100_000).map((_, i) => i % 251);
    const fetch = replay(completion({ content: "ok" }));
    await openai.call({ model: "gpt-4o", client: { apiKey: "k", fetch } }, () => [
      { role: "user" as const, content: [{ type: "image" as const, mediaType: "image/png", data: big }] },
    ])();
    const url: string = body(fetch.requests[0]).messages[0].content[0].image_url.url;
    const decoded = Uint8Array.from(atob(url.slice("data:image/png;base64,".length)), (c) => c.charCodeAt(0));
    expect(decoded.length).toBe(big.length);
    expect(decoded.every((byte, i) => byte === big[i])).toBe(true);
  });

  it("neutral and native messages mix: system, developer, assistant tool calls, tool results", async () => {
    const fetch = replay(completion({ content: "done" }));
    const native: ChatCompletionMessageParam = {
      role: "user",
      content: [{ type: "image_url", image_url: { url: "https://example.com/a.png", detail: "high" } }],
    };
    const history = [
      { role: "system" as const, content: "Be brief." },
      { role: "developer" as const, content: "Use metric units." },
      native,
      {
        role: "assistant" as const,
        content: [
          { type: "text" as const, text: "Checking." },
          { type: "tool_call" as const, id: "call_1", name: "get_weather", args: { city: "Oslo" } },
        ],
      },
      { role: "tool" as const, content: [{ type: "tool_result" as const, toolCallId: "call_1", name: "get_weather", content: "21C" }] },
    ];
    await openai.call({ model: "o3", client: { apiKey: "k", fetch } }, () => history)();
    expect(body(fetch.requests[0]).messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "developer", content: "Use metric units." },
      native,
      {
        role: "assistant",
        content: "Checking.",
        tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Oslo"}' } }],
      },
      { role: "tool", tool_call_id: "call_1", content: "21C" },
    ]);
  });

  it("unsupported inputs fail before any request with a message saying what to do", async () => {
    const fetch = replay(completion({ content: "x" }));
    const audioUrl = openai.call({ model: "gpt-4o", client: { apiKey: "k", fetch } }, () => [
      { role: "user" as const, content: [{ type: "audio" as const, mediaType: "audio/wav", url: "https://example.com/a.wav" }] },
    ]);
    await expect(audioUrl()).rejects.toThrow(/audio as base64 bytes/);
    const ogg = openai.call({ model: "gpt-4o", client: { apiKey: "k", fetch } }, () => [
      { role: "user" as const, content: [{ type: "audio" as const, mediaType: "audio/ogg", data: "AAAA" }] },
    ]);
    await expect(ogg()).rejects.toThrow(/WAV and MP3/);
    expect(fetch.requests).toHaveLength(0);
  });

  it("a 200 body that is an error envelope is an APIError; a body that is not an object is a ParseError", async () => {
    const fetch = createReplayFetch([
      { body: JSON.stringify({ error: { message: "Model is loading", type: "server_error" } }) },
      { body: "[1, 2]" },
    ]);
    const opts = { model: "m", client: { apiKey: "k", fetch } };
    const first = await openai
      .call(opts, () => "x")()
      .catch((e: unknown) => e);
    expect((first as Error).name).toBe("APIError");
    expect((first as Error).message).toContain("Model is loading");
    const second = await openai
      .call(opts, () => "x")()
      .catch((e: unknown) => e);
    expect((second as Error).name).toBe("ParseError");
  });
});
