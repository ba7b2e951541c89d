// DeepSeek's thinking mode sends `reasoning_content` beside the answer and requires it back on
// assistant turns that made tool calls ("the reasoning_content must be fully passed back to the API
// in all subsequent requests", else HTTP 400: https://api-docs.deepseek.com/guides/thinking_mode).
// Streams carry it as `delta.reasoning_content` (same page, streaming example). Other services must
// not be sent it. The bodies below follow that documented format.
import { describe, expect, it } from "vitest";
import type { BaseMessageParam } from "../../src/core/message-param.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { deepseek, groq } from "../../src/providers/openai/services/presets.ts";
import { createReplayFetch } from "../../src/testing/replay-fetch.ts";
import { weatherToolTurn } from "./support/weather-tool-turn.ts";

const base = { id: "d1", object: "chat.completion.chunk", created: 1, model: "deepseek-v4-flash" };
const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
const STREAM =
  chunk({ role: "assistant", content: null, reasoning_content: "" }) +
  chunk({ reasoning_content: "The user wants " }) +
  chunk({ reasoning_content: "the weather." }) +
  chunk({ content: null, tool_calls: [{ index: 0, id: "call_0", type: "function", function: { name: "weather", arguments: "" } }] }) +
  chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":"Paris"}' } }] }) +
  chunk({}, "tool_calls") +
  "data: [DONE]\n\n";
const FINAL = JSON.stringify({
  id: "d2",
  object: "chat.completion",
  created: 2,
  model: "deepseek-v4-flash",
  choices: [{ index: 0, message: { role: "assistant", content: "21C in Paris.", reasoning_content: "Done." }, finish_reason: "stop" }],
});
const REASONING = "The user wants the weather.";

const toolTurn = () => weatherToolTurn(deepseek, "deepseek-v4-flash", STREAM, FINAL);

describe("DeepSeek reasoning_content", () => {
  it("a stream gathers it, and a tool-call turn keeps it in messageParam and constructCallResponse()", async () => {
    const { s } = await toolTurn();
    expect(s.reasoning).toBe(REASONING);
    expect(s.messageParam).toEqual({
      role: "assistant",
      content: null,
      reasoning_content: REASONING,
      tool_calls: [{ id: "call_0", type: "function", function: { name: "weather", arguments: '{"city":"Paris"}' } }],
    });
    const r = s.constructCallResponse();
    expect(r.reasoning).toBe(REASONING);
    expect(r.messageParam).toEqual(s.messageParam);
  });

  it("goes back to DeepSeek on the tool-call turn when the loop resumes", async () => {
    const { s, fetch } = await toolTurn();
    const next = await s.resume(await s.executeTools());
    // The replayed next answer is a JSON body, not an event stream: the resumed stream says so.
    const drain = async () => {
      for await (const _ of next);
    };
    await expect(drain()).rejects.toMatchObject({ name: "ParseError" });
    const sent = fetch.requests[1].json as { messages: Record<string, unknown>[] };
    expect(sent.messages[1]).toMatchObject({ role: "assistant", reasoning_content: REASONING });
    expect(sent.messages[2]).toEqual({ role: "tool", tool_call_id: "call_0", content: "Paris: 21C" });
  });

  it("a turn without tool calls does not carry it (DeepSeek ignores it there)", async () => {
    const fetch = createReplayFetch({ body: FINAL });
    const r = await deepseek.call({ model: "deepseek-v4-flash", client: { apiKey: "k", fetch } }, () => "Hi")();
    expect(r.reasoning).toBe("Done.");
    expect(r.messageParam).toEqual({ role: "assistant", content: "21C in Paris." });
  });

  it("other services are never sent it: the same history to OpenAI and Groq goes without it", async () => {
    const { s } = await toolTurn();
    const history = [
      { role: "user" as const, content: "Weather in Paris?" },
      s.messageParam,
      ...s.toolMessageParams(await s.executeTools()),
    ];
    for (const provider of [openai, groq]) {
      const fetch = createReplayFetch({ body: FINAL });
      await provider.call({ model: "m", client: { apiKey: "k", fetch, baseURL: "http://127.0.0.1:9/v1" } }, () => history)();
      const sent = fetch.requests[0].json as { messages: Record<string, unknown>[] };
      expect(sent.messages[1]).toEqual({
        role: "assistant",
        content: null,
        tool_calls: [{ id: "call_0", type: "function", function: { name: "weather", arguments: '{"city":"Paris"}' } }],
      });
      expect(history[1]).toHaveProperty("reasoning_content", REASONING); // the caller's history is left as it was
    }
  });

  it("travels in provider-neutral messages as a thinking part, and back to DeepSeek only", async () => {
    const { s } = await toolTurn();
    const neutral = s.commonMessageParam as BaseMessageParam;
    expect(neutral.content).toEqual([
      { type: "thinking", thinking: REASONING },
      { type: "tool_call", id: "call_0", name: "weather", args: { city: "Paris" } },
    ]);
    const history: BaseMessageParam[] = [{ role: "user", content: "Weather in Paris?" }, neutral];
    const sentTo = async (provider: typeof deepseek) => {
      const fetch = createReplayFetch({ body: FINAL });
      await provider.call({ model: "m", client: { apiKey: "k", fetch, baseURL: "http://127.0.0.1:9/v1" } }, () => history)();
      return (fetch.requests[0].json as { messages: Record<string, unknown>[] }).messages[1];
    };
    expect(await sentTo(deepseek)).toMatchObject({ role: "assistant", content: null, reasoning_content: REASONING });
    expect(await sentTo(groq)).not.toHaveProperty("reasoning_content");
  });
});
