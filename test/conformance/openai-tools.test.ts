// Tool calls with OpenAI: several calls in one turn, streamed fragments assembled per `index`, and
// a two-turn agent loop whose second request carries the assistant tool calls and the tool results.
// Bodies follow the documented shapes (https://platform.openai.com/docs/api-reference/chat/object,
// https://platform.openai.com/docs/api-reference/chat/streaming).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool } from "../../src/index.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { createReplayFetch } from "../../src/testing/replay-fetch.ts";

const getWeather = defineTool({
  name: "get_weather",
  description: "Current weather for a city",
  parameters: z.object({ city: z.string() }),
  call: ({ city }) => ({ city, tempC: city === "Paris" ? 21 : 12 }),
});
const getTime = defineTool({
  name: "get_time",
  description: "Local time in a city",
  parameters: z.object({ city: z.string() }),
  call: ({ city }) => `${city}: 09:00`,
});

const toolCalls = [
  { id: "call_a", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
  { id: "call_b", type: "function", function: { name: "get_time", arguments: '{"city":"Oslo"}' } },
];

function completion(message: Record<string, unknown>, finish: string) {
  return JSON.stringify({
    id: "chatcmpl-loop",
    object: "chat.completion",
    created: 1,
    model: "gpt-4o-mini-2024-07-18",
    choices: [{ index: 0, message: { role: "assistant", content: null, refusal: null, ...message }, finish_reason: finish }],
    usage: { prompt_tokens: 20, completion_tokens: 10, total_tokens: 30 },
  });
}

function sse(chunks: Record<string, unknown>[]): string {
  const base = { id: "chatcmpl-s", object: "chat.completion.chunk", created: 1, model: "gpt-4o-mini-2024-07-18" };
  return chunks.map((c) => `data: ${JSON.stringify({ ...base, ...c })}\n\n`).join("") + "data: [DONE]\n\n";
}

const delta = (d: Record<string, unknown>, finish: string | null = null) => ({
  choices: [{ index: 0, delta: d, finish_reason: finish }],
  usage: null,
});
const fragment = (index: number, f: Record<string, unknown>) => delta({ tool_calls: [{ index, ...f }] });

/** Two tool calls streamed in fragments, the second starting before the finish reason. */
const twoCallStream = sse([
  delta({ role: "assistant", content: null }),
  fragment(0, { id: "call_a", type: "function", function: { name: "get_weather", arguments: "" } }),
  fragment(0, { function: { arguments: '{"ci' } }),
  fragment(0, { function: { arguments: 'ty":"Paris"}' } }),
  fragment(1, { id: "call_b", type: "function", function: { name: "get_time", arguments: "" } }),
  fragment(1, { function: { arguments: '{"city":' } }),
  fragment(1, { function: { arguments: '"Oslo"}' } }),
  delta({}, "tool_calls"),
  { choices: [], usage: { prompt_tokens: 30, completion_tokens: 12, total_tokens: 42, prompt_tokens_details: { cached_tokens: 0 } } },
]);

describe("openai tools", () => {
  it("several tool calls in one response are validated tool instances", async () => {
    const fetch = createReplayFetch({ body: completion({ tool_calls: toolCalls }, "tool_calls") });
    const r = await openai.call({ model: "gpt-4o-mini", tools: [getWeather, getTime], client: { apiKey: "k", fetch } }, () => "?")();
    expect(r.finishReasons).toEqual(["tool_calls"]);
    expect(r.commonFinishReasons).toEqual(["tool_calls"]);
    expect(r.tools.map((t) => [t.name, t.id, t.args])).toEqual([
      ["get_weather", "call_a", { city: "Paris" }],
      ["get_time", "call_b", { city: "Oslo" }],
    ]);
    expect(r.commonMessageParam).toEqual({
      role: "assistant",
      content: [
        { type: "tool_call", id: "call_a", name: "get_weather", args: { city: "Paris" } },
        { type: "tool_call", id: "call_b", name: "get_time", args: { city: "Oslo" } },
      ],
    });
  });

  it("a two-turn agent loop: executeTools → resume sends the assistant tool calls and the tool results", async () => {
    const fetch = createReplayFetch([
      { body: completion({ tool_calls: toolCalls }, "tool_calls") },
      { body: completion({ content: "Paris is 21C; it is 09:00 in Oslo." }, "stop") },
    ]);
    const ask = openai.call({ model: "gpt-4o-mini", tools: [getWeather, getTime], client: { apiKey: "k", fetch } }, (q: string) => [
      { role: "system" as const, content: "Use the tools." },
      { role: "user" as const, content: q },
    ]);
    const first = await ask("Weather in Paris and time in Oslo?");
    const outputs = await first.executeTools();
    expect(outputs.map(([, o]) => o)).toEqual([{ city: "Paris", tempC: 21 }, "Oslo: 09:00"]);
    const second = await first.resume(outputs);
    expect(second.content).toBe("Paris is 21C; it is 09:00 in Oslo.");
    expect(fetch.requests).toHaveLength(2);
    const messages = (fetch.requests[1].json as { messages: unknown[]; tools: unknown[] }).messages;
    expect(messages).toEqual([
      { role: "system", content: "Use the tools." },
      { role: "user", content: "Weather in Paris and time in Oslo?" },
      { role: "assistant", content: null, tool_calls: toolCalls },
      { role: "tool", tool_call_id: "call_a", content: '{"city":"Paris","tempC":21}' },
      { role: "tool", tool_call_id: "call_b", content: "Oslo: 09:00" },
    ]);
    expect((fetch.requests[1].json as { tools: unknown[] }).tools).toHaveLength(2);
    // messageParam and toolMessageParams are the native messages, unchanged in the next request.
    expect(messages[2]).toEqual(first.messageParam);
    expect(messages.slice(3)).toEqual(first.toolMessageParams(outputs));
  });

  it("streamed fragments are assembled per index; each tool is yielded as soon as its arguments are complete", async () => {
    for (let seed = 0; seed <= 10; seed++) {
      const chunking = seed === 0 ? undefined : { seed, maxChunkSize: 17 };
      const fetch = createReplayFetch({ body: twoCallStream, chunking });
      const s = await openai.call(
        { model: "gpt-4o-mini", stream: true, tools: [getWeather, getTime], client: { apiKey: "k", fetch } },
        () => "?",
      )();
      const seen: [number, string][] = [];
      let n = 0;
      for await (const [chunk, tool] of s) {
        n++;
        if (tool) seen.push([n, `${tool.name}:${JSON.stringify(tool.args)}:${chunk.finishReasons.join()}`]);
      }
      // get_weather completes when index 1 starts (chunk 5), before the finish reason; get_time at the finish (chunk 8).
      expect(seen).toEqual([
        [5, 'get_weather:{"city":"Paris"}:'],
        [8, 'get_time:{"city":"Oslo"}:tool_calls'],
      ]);
      expect(s.toolCalls.map((c) => c.args)).toEqual(['{"city":"Paris"}', '{"city":"Oslo"}']);
      expect(s.usage).toEqual({ inputTokens: 30, outputTokens: 12, cachedTokens: 0, totalTokens: 42 });
      expect(s.messageParam).toEqual({ role: "assistant", content: null, tool_calls: toolCalls });
    }
  });

  it("a streamed agent loop: the stream's messageParam and toolMessageParams continue the conversation", async () => {
    const fetch = createReplayFetch([{ body: twoCallStream }, { body: completion({ content: "All done." }, "stop") }]);
    const options = { model: "gpt-4o-mini", tools: [getWeather, getTime], client: { apiKey: "k", fetch } };
    const s = await openai.call({ ...options, stream: true }, () => "?")();
    for await (const _ of s) {
      // collect tools
    }
    const outputs = await s.executeTools();
    const history = [{ role: "user" as const, content: "?" }, s.messageParam, ...s.toolMessageParams(outputs)];
    const next = await openai.call(options, () => history)();
    expect(next.content).toBe("All done.");
    expect((fetch.requests[1].json as { messages: unknown[] }).messages).toEqual([
      { role: "user", content: "?" },
      { role: "assistant", content: null, tool_calls: toolCalls },
      { role: "tool", tool_call_id: "call_a", content: '{"city":"Paris","tempC":21}' },
      { role: "tool", tool_call_id: "call_b", content: "Oslo: 09:00" },
    ]);
  });

  it("servers that reuse index 0 for each call, or end without a finish reason, still complete every call", async () => {
    const body = sse([
      fragment(0, { id: "call_a", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }),
      fragment(0, { id: "call_b", type: "function", function: { name: "get_time", arguments: '{"city":"Oslo"}' } }),
    ]);
    const fetch = createReplayFetch({ body });
    const s = await openai.call({ model: "m", stream: true, tools: [getWeather, getTime], client: { apiKey: "k", fetch } }, () => "?")();
    const names: string[] = [];
    for await (const [, tool] of s) if (tool) names.push(tool.name);
    expect(names).toEqual(["get_weather", "get_time"]);
  });

  it("invalid tool arguments give a tool whose error is a ToolArgumentsError with the raw text", async () => {
    const bad = [{ id: "call_x", type: "function", function: { name: "get_weather", arguments: '{"city":' } }];
    const fetch = createReplayFetch({ body: completion({ tool_calls: bad }, "tool_calls") });
    const response = await openai.call({ model: "gpt-4o-mini", tools: [getWeather], client: { apiKey: "k", fetch } }, () => "?")();
    const error = response.tool?.error;
    expect(error?.name).toBe("ToolArgumentsError");
    expect(error?.raw).toBe('{"city":');
  });
});
