// OpenRouter returns reasoning as `reasoning` text and as structured `reasoning_details`, streamed in
// pieces that share a type and an index, and asks clients to "preserve the complete
// reasoning_details when passing messages back to the model"
// (https://openrouter.ai/docs/use-cases/reasoning-tokens). The chunk shape below is the one in the
// real recording test/fixtures/extra/openai-compatible/openrouter_stream_error_chunk_after_length.sse
// (`reasoning` beside `reasoning_details: [{ type: "reasoning.text", text, index, format }]`).
import { describe, expect, it } from "vitest";
import type { BaseMessageParam } from "../../src/core/message-param.ts";
import { createOpenAICall, OPENAI_SETTINGS, openaiCompatible } from "../../src/providers/openai/index.ts";
import { groq, openrouter } from "../../src/providers/openai/services/presets.ts";
import { mergeReasoningDetails } from "../../src/providers/openai/reasoning-details.ts";
import { createReplayFetch } from "../../src/testing/replay-fetch.ts";
import { weather, weatherToolTurn } from "./support/weather-tool-turn.ts";

const base = { id: "gen-1", provider: "Anthropic", model: "anthropic/claude-sonnet-4.5", object: "chat.completion.chunk", created: 1 };
const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
const piece = (text: string, extra: Record<string, unknown> = {}) => ({
  type: "reasoning.text",
  text,
  index: 0,
  format: "anthropic-claude-v1",
  ...extra,
});
const STREAM =
  chunk({ role: "assistant", content: "", reasoning: "I should ", reasoning_details: [piece("I should ")] }) +
  chunk({ content: "", reasoning: "check the weather.", reasoning_details: [piece("check the weather.")] }) +
  chunk({ content: "", reasoning: null, reasoning_details: [piece("", { signature: "sig-1" })] }) +
  chunk({
    content: null,
    tool_calls: [{ index: 0, id: "toolu_1", type: "function", function: { name: "weather", arguments: '{"city":"Paris"}' } }],
  }) +
  chunk({ reasoning_details: [] }, "tool_calls") +
  "data: [DONE]\n\n";
const FINAL = JSON.stringify({
  id: "gen-2",
  object: "chat.completion",
  created: 2,
  model: "anthropic/claude-sonnet-4.5",
  choices: [{ index: 0, message: { role: "assistant", content: "21C in Paris.", reasoning: null }, finish_reason: "stop" }],
});
const TEXT = "I should check the weather.";
const DETAILS = [{ type: "reasoning.text", text: TEXT, index: 0, format: "anthropic-claude-v1", signature: "sig-1" }];
const CALL = { id: "toolu_1", type: "function", function: { name: "weather", arguments: '{"city":"Paris"}' } };

const toolTurn = () => weatherToolTurn(openrouter, "anthropic/claude-sonnet-4.5", STREAM, FINAL);

describe("OpenRouter reasoning_details", () => {
  it("pieces of one detail join: text appended, a later signature kept; other types and indexes stay apart", () => {
    const merged = mergeReasoningDetails([], [piece("a"), { type: "reasoning.encrypted", data: "x", index: 1 }]);
    mergeReasoningDetails(merged, [
      piece("b", { signature: "s" }),
      { type: "reasoning.encrypted", data: "y", index: 1 },
      piece("c", { index: 2 }),
    ]);
    expect(merged).toEqual([
      { type: "reasoning.text", text: "ab", index: 0, format: "anthropic-claude-v1", signature: "s" },
      { type: "reasoning.encrypted", data: "xy", index: 1 },
      { type: "reasoning.text", text: "c", index: 2, format: "anthropic-claude-v1" },
    ]);
  });

  it("a stream gathers the reasoning text and the complete details, and the turn keeps them", async () => {
    const { s } = await toolTurn();
    expect(s.reasoning).toBe(TEXT);
    expect(s.reasoningDetails).toEqual(DETAILS);
    expect(s.messageParam).toEqual({
      role: "assistant",
      content: null,
      tool_calls: [CALL],
      reasoning_content: TEXT,
      reasoning_details: DETAILS,
    });
    const r = s.constructCallResponse();
    expect(r.reasoning).toBe(TEXT);
    expect(r.reasoningDetails).toEqual(DETAILS);
  });

  it("are merged on a stream of a service whose settings keep them (openrouter, reasoningDetails: true), not of OpenAI (own API or a proxy's baseURL) or other presets", async () => {
    const streamed = async (call: typeof openrouter.call, baseURL?: string) => {
      const fetch = createReplayFetch({ body: STREAM });
      const client = { apiKey: "k", fetch, ...(baseURL && { baseURL }) };
      const s = await call({ model: "m", stream: true, tools: [weather], client }, () => "Weather?")();
      for await (const _ of s);
      return s;
    };
    expect((await streamed(openrouter.call)).reasoningDetails).toEqual(DETAILS);
    const own = openaiCompatible({ name: "own-router", baseURL: "https://router.example/v1", reasoningDetails: true });
    expect((await streamed(own.call)).reasoningDetails).toEqual(DETAILS);
    // The reasoning text is read for every service; the merged details only where they are kept.
    const viaGroq = await streamed(groq.call);
    expect(viaGroq.reasoning).toBe(TEXT);
    expect(viaGroq.reasoningDetails).toBeUndefined();
    // A provider of its own, so that no earlier call decides which stream class it has.
    const openai = createOpenAICall(OPENAI_SETTINGS);
    expect((await streamed(openai)).reasoningDetails).toBeUndefined();
    expect((await streamed(openai, "https://proxy.example/v1")).reasoningDetails).toBeUndefined();
  });

  it("goes back to OpenRouter whole when the loop resumes (without reasoning_content, which OpenRouter does not take)", async () => {
    const { s, fetch } = await toolTurn();
    const next = await s.resume(await s.executeTools());
    // The replayed next answer is a JSON body, not an event stream: the resumed stream says so.
    const drain = async () => {
      for await (const _ of next);
    };
    await expect(drain()).rejects.toMatchObject({ name: "ParseError" });
    const sent = fetch.requests[1].json as { messages: Record<string, unknown>[] };
    expect(sent.messages[1]).toEqual({ role: "assistant", content: null, tool_calls: [CALL], reasoning_details: DETAILS });
  });

  it("other services get the turn without it", async () => {
    const { s } = await toolTurn();
    const history = [
      { role: "user" as const, content: "Weather in Paris?" },
      s.messageParam,
      ...s.toolMessageParams(await s.executeTools()),
    ];
    const fetch = createReplayFetch({ body: FINAL });
    await groq.call({ model: "m", client: { apiKey: "k", fetch } }, () => history)();
    expect((fetch.requests[0].json as { messages: unknown[] }).messages[1]).toEqual({
      role: "assistant",
      content: null,
      tool_calls: [CALL],
    });
  });

  it("travels in a neutral message as a thinking part's providerData, and back to OpenRouter from there", async () => {
    const { s } = await toolTurn();
    const neutral = s.commonMessageParam as BaseMessageParam;
    expect(neutral.content).toEqual([
      { type: "thinking", thinking: TEXT, providerData: { reasoningDetails: DETAILS } },
      { type: "tool_call", id: "toolu_1", name: "weather", args: { city: "Paris" } },
    ]);
    const fetch = createReplayFetch({ body: FINAL });
    await openrouter.call({ model: "m", client: { apiKey: "k", fetch } }, () => [
      { role: "user" as const, content: "Weather?" },
      neutral,
    ])();
    expect((fetch.requests[0].json as { messages: unknown[] }).messages[1]).toEqual({
      role: "assistant",
      content: null,
      tool_calls: [CALL],
      reasoning_details: DETAILS,
    });
  });
});
