// Runs the samples of docs/providers-openai.md verbatim against recorded OpenAI responses (adapted
// where a sample asks for a tool or JSON the recordings do not have). The Responses API bodies follow
// OpenAI's API reference, as in openai-responses.test.ts: there is no recording of them.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, messages, RateLimitError, StreamError } from "promptcall";
import {
  openai as realOpenai,
  groq as realGroq,
  deepseek as realDeepseek,
  openaiCompatible as realOpenaiCompatible,
  azureOpenAI as realAzureOpenAI,
} from "promptcall/openai";
import { createReplayFetch, type ReplayResponse } from "promptcall/testing";
import { fixtures } from "../fixtures/index.ts";
import { pngBytes, replayed, weatherTool } from "./support/docs-support.ts";

type Fetch = typeof globalThis.fetch;

/** The recorded tool-call completion, with its tool calls replaced by `calls`. */
function toolCallTurn(calls: { name: string; args: unknown }[]): ReplayResponse {
  const body = JSON.parse(fixtures["openai/chat_tool_call.json"]);
  body.choices[0].message.tool_calls = calls.map((c, i) => ({
    id: `call_${i + 1}`,
    type: "function",
    function: { name: c.name, arguments: JSON.stringify(c.args) },
  }));
  return { body: JSON.stringify(body) };
}

/** The recorded structured-output completion with `content` as its message. */
function completion(content: string): ReplayResponse {
  const body = JSON.parse(fixtures["openai/chat_structured_output_json_schema.json"]);
  body.choices[0].message.content = content;
  return { body: JSON.stringify(body) };
}

/** The recorded streamed get_capital({"country":"UK"}) call, made a get_weather({"city":"Paris"}) call. */
const weatherStream = fixtures["openai/chat_stream_tool_call.sse"]
  .replace('"name":"get_capital"', '"name":"get_weather"')
  .replace('"arguments":"country"', '"arguments":"city"')
  .replace('"arguments":"UK"', '"arguments":"Paris"');

const chatText = { body: fixtures["openai/chat_text.json"] };
const galaxyDay = JSON.parse(fixtures["openai/chat_text.json"]).choices[0].message.content as string;

describe("docs/providers-openai.md", () => {
  it("a call and its response", async () => {
    const replay = createReplayFetch(chatText);
    const openai = replayed(realOpenai, replay);

    const recommendBook = openai.call({ model: "gpt-4o-mini" }, (genre: string) => `Recommend a ${genre} book`);
    const response = await recommendBook("fantasy"); // OpenAICallResponse
    response.content; // the text (the refusal text when the model refused)
    response.refusal; // the refusal, if any
    response.finishReasons; // ["stop"] — OpenAI's finish_reason
    response.commonFinishReasons; // ["stop"]
    response.usage; // { inputTokens, outputTokens, cachedTokens, totalTokens, reasoningTokens }
    response.cost; // USD; cached prompt tokens at the cached rate
    response.messageParam; // { role: "assistant", content, tool_calls?, refusal? }
    response.raw; // the chat.completion JSON

    expect(response.content).toBe(galaxyDay);
    expect(response.refusal ?? undefined).toBeUndefined();
    expect(response.finishReasons).toEqual(["stop"]);
    expect(response.commonFinishReasons).toEqual(["stop"]);
    expect(response.usage).toEqual({ inputTokens: 16, outputTokens: 363, cachedTokens: 0, totalTokens: 379, reasoningTokens: 0 });
    expect(response.cost).toBeGreaterThan(0);
    expect(response.messageParam).toMatchObject({ role: "assistant", content: galaxyDay });
    expect(response.raw).toEqual(JSON.parse(fixtures["openai/chat_text.json"]));
  });

  it("in a page: no key, a proxy base URL", async () => {
    const replay = createReplayFetch({ body: fixtures["openai/chat_stream_text.sse"] });
    // A page resolves a relative URL against its own origin.
    const pageFetch: Fetch = (input, init) => replay(new URL(String(input), "https://app.example"), init);
    const openai = replayed(realOpenai, pageFetch, null);

    // In the page: no key, the Worker adds it.
    const ask = openai.call({ model: "gpt-4o-mini", stream: true, client: { baseURL: "/api/openai" } }, (q: string) => q);

    const stream = await ask("What is the capital of the UK?");
    let text = "";
    for await (const [chunk] of stream) text += chunk.content;
    expect(text).toBe("The capital of the UK is London.");
    expect(replay.requests[0].url).toBe("https://app.example/api/openai/chat/completions");
    expect(replay.requests[0].headers.authorization).toBeUndefined();
  });

  it("call params use the API's names", async () => {
    const replay = createReplayFetch(chatText);
    const openai = replayed(realOpenai, replay);

    const summarize = openai.call(
      { model: "o4-mini", callParams: { reasoning_effort: "low", max_completion_tokens: 2000, seed: 7 } },
      (text: string) => `Summarize:\n${text}`,
    );

    await summarize("A long text.");
    expect(replay.requests[0].json).toMatchObject({
      model: "o4-mini",
      reasoning_effort: "low",
      max_completion_tokens: 2000,
      seed: 7,
      messages: [{ role: "user", content: "Summarize:\nA long text." }],
    });
  });

  it("image bytes become a data URL", async () => {
    const replay = createReplayFetch(chatText);
    const openai = replayed(realOpenai, replay);

    const describe = openai.call({ model: "gpt-4o" }, (photo: Uint8Array) => [messages.user("What is in this picture?", photo)]);

    await describe(pngBytes);
    expect(replay.requests[0].json).toMatchObject({
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "What is in this picture?" },
            { type: "image_url", image_url: { url: `data:image/png;base64,${btoa(String.fromCharCode(...pngBytes))}` } },
          ],
        },
      ],
    });
  });

  it("a tool loop", async () => {
    const replay = createReplayFetch([
      toolCallTurn([
        { name: "get_weather", args: { city: "Paris" } },
        { name: "get_weather", args: { city: "Oslo" } },
      ]),
      chatText,
    ]);
    const openai = replayed(realOpenai, replay);
    const logged: unknown[] = [];
    const console = { log: (value: unknown) => logged.push(value) };

    const getWeather = defineTool({
      name: "get_weather",
      description: "Current weather for a city",
      parameters: z.object({ city: z.string() }),
      call: async ({ city }) => ({ city, tempC: 21 }),
    });

    const ask = openai.call({ model: "gpt-4o-mini", tools: [getWeather] }, (q: string) => q);
    let response = await ask("Weather in Paris and Oslo?");
    while (response.tools.length > 0) {
      response = await response.resume(await response.executeTools()); // history + tool_calls + role: "tool" results
    }
    console.log(response.content);

    expect(logged).toEqual([galaxyDay]);
    const first = replay.requests[0].json as { tools: unknown[] };
    expect(first.tools).toEqual([
      {
        type: "function",
        function: {
          name: "get_weather",
          description: "Current weather for a city",
          parameters: expect.objectContaining({ type: "object", properties: { city: { type: "string" } } }),
        },
      },
    ]);
    const second = replay.requests[1].json as { messages: unknown[] };
    expect(second.messages.slice(-2)).toEqual([
      { role: "tool", tool_call_id: "call_1", content: '{"city":"Paris","tempC":21}' },
      { role: "tool", tool_call_id: "call_2", content: '{"city":"Oslo","tempC":21}' },
    ]);
  });

  it("a streamed tool call is yielded once its arguments are complete", async () => {
    const replay = createReplayFetch({ body: weatherStream, chunking: { seed: 4, maxChunkSize: 25 } });
    const openai = replayed(realOpenai, replay);
    const getWeather = weatherTool();
    let written = "";
    const process = { stdout: { write: (text: string) => (written += text) } };
    const logged: unknown[] = [];
    const console = { log: (value: unknown) => logged.push(value) };

    const stream = await openai.call({ model: "gpt-4o-mini", stream: true, tools: [getWeather] }, (q: string) => q)("Paris?");
    for await (const [chunk, tool] of stream) {
      process.stdout.write(chunk.content);
      if (tool) console.log(await tool.call());
    }
    stream.usage; // from the final usage chunk: promptcall sends stream_options: { include_usage: true }

    expect(written).toBe("");
    expect(logged).toEqual([{ city: "Paris", tempC: 21 }]);
    expect(stream.usage).toMatchObject({ inputTokens: expect.any(Number), outputTokens: expect.any(Number) });
    expect(replay.requests[0].json).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it("structured outputs with a strict JSON schema", async () => {
    const replay = createReplayFetch(completion('{"title":"Pride and Prejudice","year":1813}'));
    const openai = replayed(realOpenai, replay);

    const Book = z.object({ title: z.string(), year: z.number().optional() });
    const book = await openai.call({ model: "gpt-4.1-mini", responseModel: Book }, () => "A classic novel")();
    // { title: "…", year: 1813 } — the strict schema's null for a missing year is removed before validation

    expect(book).toEqual({ title: "Pride and Prejudice", year: 1813 });
    expect(replay.requests[0].json).toMatchObject({
      response_format: {
        type: "json_schema",
        json_schema: { strict: true, schema: { required: ["title", "year"], additionalProperties: false } },
      },
    });
  });

  it("the Responses API", async () => {
    const answer = {
      id: "resp_1",
      object: "response",
      created_at: 1741476542,
      status: "completed",
      error: null,
      incomplete_details: null,
      model: "gpt-4.1-2025-04-14",
      output: [
        {
          type: "message",
          id: "msg_1",
          status: "completed",
          role: "assistant",
          content: [{ type: "output_text", text: "Sunny.", annotations: [] }],
        },
      ],
      usage: { input_tokens: 30, output_tokens: 2, total_tokens: 32 },
    };
    const replay = createReplayFetch({ body: JSON.stringify(answer) });
    const openai = replayed(realOpenai, replay);
    const getWeather = weatherTool();

    const ask = openai.call({ model: "gpt-4.1", api: "responses", tools: [getWeather] }, (q: string) => [
      { role: "system", content: "Answer briefly." },
      { role: "user", content: q },
    ]);

    const response = await ask("Weather in Paris?");
    expect(response.content).toBe("Sunny.");
    expect(replay.requests[0].url).toBe("https://api.openai.com/v1/responses");
    expect(replay.requests[0].json).toMatchObject({
      model: "gpt-4.1",
      instructions: "Answer briefly.",
      input: [{ role: "user", content: "Weather in Paris?" }],
      tools: [{ type: "function", name: "get_weather", strict: false }],
    });
  });

  it("errors: a stream error keeps the text so far; a rate limit says when to retry", async () => {
    const events = fixtures["openai/chat_stream_text.sse"].split("\n\n").slice(0, 5);
    const failing = `${events.join("\n\n")}\n\ndata: {"error":{"message":"The server had an error.","type":"server_error"}}\n\n`;
    const limited: ReplayResponse = {
      status: 429,
      headers: { "retry-after-ms": "3" },
      body: '{"error":{"message":"Rate limit reached for gpt-4o-mini.","type":"requests","code":"rate_limit_exceeded"}}',
    };
    const seen: unknown[][] = [];
    const render = (text: string) => seen.push(["render", text]);
    const showPartial = (text: string) => seen.push(["showPartial", text]);
    const retryLater = (ms: number | undefined) => seen.push(["retryLater", ms]);

    for (const answer of [{ body: failing }, limited]) {
      const openai = replayed(
        realOpenai,
        createReplayFetch(() => answer),
      );
      const ask = openai.call({ model: "gpt-4o-mini", stream: true }, (q: string) => q);
      try {
        for await (const [chunk] of await ask("…")) render(chunk.content);
      } catch (e) {
        if (StreamError.isInstance(e)) showPartial(e.content);
        else if (RateLimitError.isInstance(e)) retryLater(e.retryAfterMs);
        else throw e;
      }
    }

    expect(seen).toEqual([
      ["render", ""],
      ["render", "The"],
      ["render", " capital"],
      ["render", " of"],
      ["render", " the"],
      ["showPartial", "The capital of the"],
      ["retryLater", 3],
    ]);
  });

  it("reasoning text: DeepSeek's goes back on a tool-call turn", async () => {
    const extra = "extra/openai-compatible/";
    const replay = createReplayFetch([
      { body: fixtures[`${extra}deepseek_tool_call_reasoning_content.json`] },
      { body: fixtures[`${extra}deepseek_reasoning_content.json`] },
    ]);
    const deepseek = replayed(realDeepseek, replay);

    const weather = defineTool({
      name: "weather",
      description: "Weather in a place",
      parameters: z.object({ location: z.string() }),
      call: ({ location }) => `${location}: 18C`,
    });
    const ask = deepseek.call({ model: "deepseek-v4-flash", tools: [weather] }, (q: string) => q);
    const turn = await ask("What is the weather?");
    turn.reasoning; // "The user asks about weather in San Francisco. …"
    turn.messageParam.reasoning_content; // kept on this tool-call turn…
    const answer = await turn.resume(await turn.executeTools()); // …and sent back with the tool result

    const reasoning = "The user asks about weather in San Francisco. I'll call the weather tool.";
    expect(turn.reasoning).toBe(reasoning);
    expect(turn.messageParam.reasoning_content).toBe(reasoning);
    const sent = replay.requests[1].json as { messages: Record<string, unknown>[] };
    expect(sent.messages[1]).toMatchObject({ role: "assistant", reasoning_content: reasoning });
    expect(sent.messages[2]).toEqual({ role: "tool", tool_call_id: "call_00_lCIkdHRa7AKmCG3TlxXz1061", content: "San Francisco: 18C" });
    expect(answer.content.length).toBeGreaterThan(0);
  });

  it("OpenAI-compatible services", async () => {
    const replay = createReplayFetch((request) =>
      request.url.includes("groq") ? chatText : { body: fixtures["openai/chat_stream_text.sse"] },
    );
    const groq = replayed(realGroq, replay);
    const openaiCompatible = (options: Parameters<typeof realOpenaiCompatible>[0]) => replayed(realOpenaiCompatible(options), replay, null);

    const fast = groq.call({ model: "llama-3.3-70b-versatile" }, (q: string) => q);
    const local = openaiCompatible({ name: "vllm", baseURL: "http://localhost:8000/v1" });
    const ask = local.call({ model: "Qwen/Qwen2.5-7B-Instruct", stream: true }, (q: string) => q);

    const fastAnswer = await fast("Hi");
    const stream = await ask("Capital of the UK?");
    for await (const [chunk] of stream) void chunk;
    expect(fastAnswer.provider).toBe("groq");
    expect(stream.content).toBe("The capital of the UK is London.");
    expect(stream.provider).toBe("vllm");
    expect(replay.requests.map((r) => [r.url, r.headers.authorization])).toEqual([
      ["https://api.groq.com/openai/v1/chat/completions", "Bearer sk-test"],
      ["http://localhost:8000/v1/chat/completions", undefined],
    ]);
  });

  it("Azure OpenAI", async () => {
    const replay = createReplayFetch(chatText);
    const azureOpenAI = (options: Parameters<typeof realAzureOpenAI>[0]) => replayed(realAzureOpenAI(options), replay);

    const azure = azureOpenAI({ resourceName: "acme", deployment: "gpt-4o-mini", apiVersion: "2024-10-21" });
    const ask = azure.call({ model: "gpt-4o-mini" }, (q: string) => q);
    // POST https://acme.openai.azure.com/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21
    // api-key: $AZURE_OPENAI_API_KEY

    const response = await ask("Hi");
    expect(response.provider).toBe("azure");
    expect(response.cost).toBeUndefined();
    expect(replay.requests[0].url).toBe(
      "https://acme.openai.azure.com/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21",
    );
    expect(replay.requests[0].headers["api-key"]).toBe("sk-test");
    expect(replay.requests[0].headers.authorization).toBeUndefined();
  });
});
