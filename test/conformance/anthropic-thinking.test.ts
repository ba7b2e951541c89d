// Extended thinking, tool loops, server tool blocks and usage of the Anthropic provider.
//
// Where the recorded fixtures have no example, bodies are built from the official documentation:
// - thinking + tool_use response: "Extended thinking with tool use" in
//   https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking (the get_weather / Paris example);
// - thinking stream: "Streaming request with extended thinking" and the web search stream: "Streaming
//   request with web search tool use" in https://docs.anthropic.com/en/docs/build-with-claude/streaming;
// - redacted_thinking: "Thinking redaction" in the extended thinking page (block `{ type, data }`).
// Signatures and ids are shortened copies of the docs' values.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool } from "../../src/core/tools/tool.ts";
import { anthropic } from "../../src/providers/anthropic/index.ts";
import { createReplayFetch, fixtureResponse } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";

const SIGNATURE = "BDaL4VrbR2Oj0hO4XpJxT28J5TILnCrrUXoKiiNBZW9P+nr8XSj1zuZzAl4egiCCpQNvfyUuFFJP5CncdYZEQPPmLxYsNrcs";
const THINKING_CONFIG = { type: "enabled", budget_tokens: 2000 } as const;

const thinkingToolResponse = {
  id: "msg_01Aq9w938a90dw8q",
  type: "message",
  role: "assistant",
  model: "claude-sonnet-4-5-20250929",
  content: [
    {
      type: "thinking",
      thinking: "The user wants to know the current weather in Paris. I have access to a function `get_weather`...",
      signature: SIGNATURE,
    },
    { type: "text", text: "I can help you get the current weather information for Paris. Let me check that for you" },
    { type: "tool_use", id: "toolu_01CswdEQBMshySk6Y9DFKrfq", name: "get_weather", input: { location: "Paris" } },
  ],
  stop_reason: "tool_use",
  stop_sequence: null,
  usage: { input_tokens: 412, output_tokens: 120, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
};

const getWeather = defineTool({
  name: "get_weather",
  description: "Get current weather for a location",
  parameters: z.object({ location: z.string() }),
  call: ({ location }) => ({ location, temperature: 88, condition: "Sunny" }),
});

/** SSE text for a list of events, each named after its `type` as the API does. */
function sse(events: Record<string, unknown>[]): string {
  return events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join("");
}

const start = (usage: Record<string, number> | undefined, id = "msg_01stream") => ({
  type: "message_start",
  message: {
    id,
    type: "message",
    role: "assistant",
    content: [],
    model: "claude-sonnet-4-5-20250929",
    stop_reason: null,
    stop_sequence: null,
    ...(usage ? { usage } : {}),
  },
});
const blockStart = (index: number, block: Record<string, unknown>) => ({ type: "content_block_start", index, content_block: block });
const delta = (index: number, d: Record<string, unknown>) => ({ type: "content_block_delta", index, delta: d });
const blockStop = (index: number) => ({ type: "content_block_stop", index });
const messageDelta = (stop_reason: string, usage?: Record<string, unknown>) => ({
  type: "message_delta",
  delta: { stop_reason, stop_sequence: null },
  ...(usage ? { usage } : {}),
});
const stop = { type: "message_stop" };

/** The docs' thinking stream (27 * 453), followed by a get_weather tool_use block. */
const thinkingToolStream = sse([
  start(undefined),
  blockStart(0, { type: "thinking", thinking: "" }),
  delta(0, { type: "thinking_delta", thinking: "Let me solve this step by step:\n\n1. First break down 27 * 453" }),
  delta(0, { type: "thinking_delta", thinking: "\n2. 453 = 400 + 50 + 3" }),
  delta(0, { type: "signature_delta", signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds..." }),
  blockStop(0),
  blockStart(1, { type: "text", text: "" }),
  delta(1, { type: "text_delta", text: "27 * 453 = 12,231. Checking the weather too." }),
  blockStop(1),
  blockStart(2, { type: "tool_use", id: "toolu_01T1x1fJ34qAmk2tNTrN7Up6", name: "get_weather", input: {} }),
  delta(2, { type: "input_json_delta", partial_json: "" }),
  delta(2, { type: "input_json_delta", partial_json: '{"location":' }),
  delta(2, { type: "input_json_delta", partial_json: ' "Paris"}' }),
  blockStop(2),
  messageDelta("tool_use", { output_tokens: 89 }),
  stop,
]);

describe("anthropic extended thinking in a tool loop", () => {
  it("non-streaming: the second request carries the thinking block, its signature, the tool_use and the tool_result", async () => {
    const fetch = createReplayFetch([
      fixtureResponse(JSON.stringify(thinkingToolResponse)),
      fixtureResponse(fixtures["anthropic/text.json"]),
    ]);
    const call = anthropic.call(
      { model: "claude-sonnet-4-5", tools: [getWeather], callParams: { thinking: THINKING_CONFIG }, client: { fetch, apiKey: "k" } },
      () => "What's the weather in Paris?",
    );
    const response = await call();
    expect(response.thinking).toBe(thinkingToolResponse.content[0].thinking);
    expect(response.commonFinishReasons).toEqual(["tool_calls"]);
    expect(response.tool?.args).toEqual({ location: "Paris" });
    const outputs = await response.executeTools();
    const next = await response.resume(outputs);
    expect(next.content).toContain("Hi there");
    const second = fetch.requests[1].json as Record<string, any>;
    expect(second.thinking).toEqual(THINKING_CONFIG);
    expect(second.messages).toEqual([
      { role: "user", content: "What's the weather in Paris?" },
      { role: "assistant", content: thinkingToolResponse.content },
      {
        role: "user",
        content: [
          {
            type: "tool_result",
            tool_use_id: "toolu_01CswdEQBMshySk6Y9DFKrfq",
            content: '{"location":"Paris","temperature":88,"condition":"Sunny"}',
          },
        ],
      },
    ]);
  });

  it("streaming: thinking and signature deltas become a complete thinking block; the tool is yielded at its content_block_stop", async () => {
    const fetch = createReplayFetch([
      fixtureResponse(thinkingToolStream, { seed: 3, maxChunkSize: 11 }),
      fixtureResponse(fixtures["anthropic/text.json"]),
    ]);
    const call = anthropic.call(
      {
        model: "claude-sonnet-4-5",
        stream: true,
        tools: [getWeather],
        callParams: { thinking: THINKING_CONFIG },
        client: { fetch, apiKey: "k" },
      },
      (history: unknown[]) => history as never,
    );
    const history: unknown[] = [{ role: "user", content: "What is 27 * 453, and the weather in Paris?" }];
    const stream = await call(history);
    const seen: string[] = [];
    for await (const [chunk, tool] of stream) {
      if (tool) seen.push(`${chunk.type}:${chunk.index}:${tool.name}`);
    }
    expect(seen).toEqual(["content_block_stop:2:get_weather"]);
    expect(stream.thinking).toBe("Let me solve this step by step:\n\n1. First break down 27 * 453\n2. 453 = 400 + 50 + 3");
    const expectedAssistant = {
      role: "assistant",
      content: [
        { type: "thinking", thinking: stream.thinking, signature: "EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds..." },
        { type: "text", text: "27 * 453 = 12,231. Checking the weather too." },
        { type: "tool_use", id: "toolu_01T1x1fJ34qAmk2tNTrN7Up6", name: "get_weather", input: { location: "Paris" } },
      ],
    };
    expect(stream.messageParam).toEqual(expectedAssistant);
    // message_start had no usage in the docs' example: only the output count is known.
    expect(stream.usage).toEqual({ inputTokens: 0, outputTokens: 89, cachedTokens: 0, totalTokens: 89 });
    const outputs = await stream.executeTools();
    const next = [...history, stream.messageParam, ...stream.toolMessageParams(outputs)];
    const call2 = anthropic.call(
      { model: "claude-sonnet-4-5", tools: [getWeather], callParams: { thinking: THINKING_CONFIG }, client: { fetch, apiKey: "k" } },
      () => next as never,
    );
    await call2();
    const second = fetch.requests[1].json as Record<string, any>;
    expect(second.messages[1]).toEqual(expectedAssistant);
    expect(second.messages[2].content[0]).toMatchObject({ type: "tool_result", tool_use_id: "toolu_01T1x1fJ34qAmk2tNTrN7Up6" });
  });

  it("the neutral commonMessageParam round-trips thinking with its signature (and drops foreign thinking)", async () => {
    const fetch = createReplayFetch([
      fixtureResponse(JSON.stringify(thinkingToolResponse)),
      fixtureResponse(fixtures["anthropic/text.json"]),
    ]);
    const first = await anthropic.call(
      { model: "claude-sonnet-4-5", tools: [getWeather], client: { fetch, apiKey: "k" } },
      () => "Paris?",
    )();
    const neutral = first.commonMessageParam;
    expect(neutral.content[0]).toMatchObject({ type: "thinking", signature: SIGNATURE });
    const foreign = {
      role: "assistant",
      content: [
        { type: "thinking", thinking: "gemini thought", signature: "sig", providerData: { provider: "google" } },
        { type: "text", text: "earlier" },
      ],
    };
    const history = [foreign, { role: "user", content: "Paris?" }, neutral, ...first.commonToolMessageParams(await first.executeTools())];
    await anthropic.call({ model: "claude-sonnet-4-5", client: { fetch, apiKey: "k" } }, () => history as never)();
    const messages = (fetch.requests[1].json as Record<string, any>).messages;
    expect(messages[0]).toEqual({ role: "assistant", content: [{ type: "text", text: "earlier" }] });
    expect(messages[2]).toEqual({ role: "assistant", content: thinkingToolResponse.content });
    expect(messages[3].content[0]).toMatchObject({ type: "tool_result", tool_use_id: "toolu_01CswdEQBMshySk6Y9DFKrfq" });
  });

  it("redacted_thinking blocks are kept unchanged, streamed or not, and survive the neutral format", async () => {
    const redacted = { type: "redacted_thinking", data: "EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP" };
    const body = {
      ...thinkingToolResponse,
      content: [thinkingToolResponse.content[0], redacted, ...thinkingToolResponse.content.slice(1)],
    };
    const stream = sse([
      start({ input_tokens: 5, output_tokens: 1 }),
      blockStart(0, redacted),
      blockStop(0),
      blockStart(1, { type: "text", text: "" }),
      delta(1, { type: "text_delta", text: "ok" }),
      blockStop(1),
      messageDelta("end_turn", { output_tokens: 9 }),
      stop,
    ]);
    const fetch = createReplayFetch([
      fixtureResponse(JSON.stringify(body)),
      fixtureResponse(stream),
      fixtureResponse(fixtures["anthropic/text.json"]),
    ]);
    const response = await anthropic.call({ model: "claude-sonnet-4-5", tools: [getWeather], client: { fetch, apiKey: "k" } }, () => "Q")();
    expect(response.messageParam.content).toContainEqual(redacted);
    const streamed = await anthropic.call({ model: "claude-sonnet-4-5", stream: true, client: { fetch, apiKey: "k" } }, () => "Q")();
    for await (const _ of streamed) {
      // drain
    }
    expect(streamed.messageParam).toEqual({ role: "assistant", content: [redacted, { type: "text", text: "ok" }] });
    await anthropic.call(
      { model: "claude-sonnet-4-5", client: { fetch, apiKey: "k" } },
      () => [{ role: "user", content: "Q" }, response.commonMessageParam, { role: "user", content: "more" }] as never,
    )();
    expect((fetch.requests[2].json as Record<string, any>).messages[1].content.slice(0, 2)).toEqual([
      thinkingToolResponse.content[0],
      redacted,
    ]);
  });
});

describe("anthropic streams: several tools, server tools, usage", () => {
  it("several tool_use blocks are yielded one by one, each when its block stops", async () => {
    const body = sse([
      start({ input_tokens: 50, output_tokens: 1 }),
      blockStart(0, { type: "tool_use", id: "toolu_a", name: "get_weather", input: {} }),
      delta(0, { type: "input_json_delta", partial_json: '{"location": "Par' }),
      delta(0, { type: "input_json_delta", partial_json: 'is"}' }),
      blockStop(0),
      blockStart(1, { type: "tool_use", id: "toolu_b", name: "get_weather", input: {} }),
      delta(1, { type: "input_json_delta", partial_json: '{"location": "Oslo"}' }),
      blockStop(1),
      messageDelta("tool_use", { output_tokens: 40 }),
      stop,
    ]);
    for (let seed = 1; seed <= 10; seed++) {
      const fetch = createReplayFetch(fixtureResponse(body, { seed, maxChunkSize: 9 }));
      const stream = await anthropic.call(
        { model: "claude-haiku-4-5", stream: true, tools: [getWeather], client: { fetch, apiKey: "k" } },
        () => "Q",
      )();
      const order: string[] = [];
      for await (const [chunk, tool] of stream) {
        order.push(tool ? `tool:${tool.id}:${tool.args.location}` : chunk.type);
      }
      expect(order.filter((o) => o.startsWith("tool:"))).toEqual(["tool:toolu_a:Paris", "tool:toolu_b:Oslo"]);
      // The first tool arrives before the second block even starts.
      expect(order.indexOf("tool:toolu_a:Paris")).toBeLessThan(order.lastIndexOf("content_block_start"));
      expect(stream.toolCalls.map((c) => c.args)).toEqual(['{"location": "Paris"}', '{"location": "Oslo"}']);
      expect(stream.commonFinishReasons).toEqual(["tool_calls"]);
      const response = stream.constructCallResponse();
      expect(response.toolCalls).toEqual([
        { id: "toolu_a", name: "get_weather", args: { location: "Paris" } },
        { id: "toolu_b", name: "get_weather", args: { location: "Oslo" } },
      ]);
      expect(response.tools.map((t) => t.id)).toEqual(["toolu_a", "toolu_b"]);
    }
  });

  it("server tool blocks (web search) pass through messageParam; later usage replaces earlier usage field by field", async () => {
    const result = {
      type: "web_search_tool_result",
      tool_use_id: "srvtoolu_014hJH82Qum7Td6UV8gDXThB",
      content: [
        {
          type: "web_search_result",
          title: "Weather in New York City",
          url: "https://world-weather.info/forecast/usa/new_york/may-2025/",
          encrypted_content: "Ev0DCioIAxgCIiQ3NmU4ZmI4OC1k...",
          page_age: null,
        },
      ],
    };
    const body = sse([
      start({ input_tokens: 2679, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 3 }),
      blockStart(0, { type: "text", text: "" }),
      delta(0, { type: "text_delta", text: "I'll check the current weather in New York City for you." }),
      blockStop(0),
      blockStart(1, { type: "server_tool_use", id: "srvtoolu_014hJH82Qum7Td6UV8gDXThB", name: "web_search", input: {} }),
      delta(1, { type: "input_json_delta", partial_json: '{"query' }),
      delta(1, { type: "input_json_delta", partial_json: '": "weather NYC today"}' }),
      blockStop(1),
      blockStart(2, result),
      blockStop(2),
      blockStart(3, { type: "text", text: "" }),
      delta(3, { type: "text_delta", text: " It is sunny." }),
      blockStop(3),
      messageDelta("end_turn", {
        input_tokens: 10682,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
        output_tokens: 510,
        server_tool_use: { web_search_requests: 1 },
      }),
      stop,
    ]);
    const fetch = createReplayFetch([fixtureResponse(body, { seed: 5 }), fixtureResponse(fixtures["anthropic/text.json"])]);
    const stream = await anthropic.call(
      { model: "claude-haiku-4-5", stream: true, client: { fetch, apiKey: "k" } },
      () => "NYC weather?",
    )();
    for await (const [, tool] of stream) expect(tool).toBeUndefined();
    expect(stream.content).toBe("I'll check the current weather in New York City for you. It is sunny.");
    expect(stream.toolCalls).toEqual([]);
    expect(stream.messageParam.content).toEqual([
      { type: "text", text: "I'll check the current weather in New York City for you." },
      { type: "server_tool_use", id: "srvtoolu_014hJH82Qum7Td6UV8gDXThB", name: "web_search", input: { query: "weather NYC today" } },
      result,
      { type: "text", text: " It is sunny." },
    ]);
    expect(stream.usage).toEqual({ inputTokens: 10682, outputTokens: 510, cachedTokens: 0, cacheWriteTokens: 0, totalTokens: 11192 });
    await anthropic.call(
      { model: "claude-haiku-4-5", client: { fetch, apiKey: "k" } },
      () => [{ role: "user", content: "NYC weather?" }, stream.messageParam, { role: "user", content: "Thanks" }] as never,
    )();
    expect((fetch.requests[1].json as Record<string, any>).messages[1]).toEqual(stream.messageParam);
  });

  it("cache reads and writes: inputTokens sums all three, cachedTokens/cacheWriteTokens split them, cost prices each", async () => {
    const usage = { input_tokens: 10, cache_read_input_tokens: 100, cache_creation_input_tokens: 50, output_tokens: 20 };
    const json = {
      ...thinkingToolResponse,
      model: "claude-haiku-4-5-20251001",
      content: [{ type: "text", text: "hi" }],
      stop_reason: "end_turn",
      usage,
    };
    const body = sse([
      start({ ...usage, output_tokens: 1 }, "msg_c"),
      blockStart(0, { type: "text", text: "" }),
      delta(0, { type: "text_delta", text: "hi" }),
      blockStop(0),
      messageDelta("end_turn", { output_tokens: 20 }),
      stop,
    ]);
    const fetch = createReplayFetch([fixtureResponse(JSON.stringify(json)), fixtureResponse(body)]);
    const expected = { inputTokens: 160, outputTokens: 20, cachedTokens: 100, cacheWriteTokens: 50, totalTokens: 180 };
    // claude-haiku-4-5: $1 input, $5 output, $0.10 cache read, $1.25 cache write per million tokens.
    const cost = (10 * 1 + 100 * 0.1 + 50 * 1.25 + 20 * 5) / 1_000_000;
    const response = await anthropic.call({ model: "claude-haiku-4-5", client: { fetch, apiKey: "k" } }, () => "Q")();
    expect(response.usage).toEqual(expected);
    expect(response.cost).toBeCloseTo(cost, 12);
    const stream = await anthropic.call({ model: "claude-haiku-4-5", stream: true, client: { fetch, apiKey: "k" } }, () => "Q")();
    for await (const _ of stream) {
      // drain
    }
    expect(stream.model).toBe("claude-sonnet-4-5-20250929");
    expect(stream.usage).toEqual(expected);
    expect(stream.constructCallResponse().raw.usage).toMatchObject(usage);
  });
});
