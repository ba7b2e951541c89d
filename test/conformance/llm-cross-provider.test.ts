import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, llm, messages, type BaseMessageParam } from "promptcall";
import { createReplayFetch } from "promptcall/testing";
import { fixtures } from "../fixtures/index.ts";

const getCapital = defineTool({
  name: "get_capital",
  description: "The capital of a country",
  parameters: z.object({ country: z.string() }),
  call: ({ country }) => (country === "England" ? "London" : "unknown"),
});

describe("a conversation that changes provider", () => {
  it("starts on OpenAI (with a tool call) and continues on Anthropic", async () => {
    const openaiFetch = createReplayFetch({ body: fixtures["openai/chat_tool_call.json"] });
    const anthropicFetch = createReplayFetch({ body: fixtures["anthropic/text.json"] });
    const chat = llm.call(
      { provider: "openai", model: "gpt-4o-mini", tools: [getCapital], client: { fetch: openaiFetch, apiKey: "sk-test" } },
      (history: BaseMessageParam[]) => history,
    );
    const first = await chat([messages.user("What is the capital of England?")]);
    expect(first.provider).toBe("openai");
    expect(first.finishReasons).toEqual(["tool_calls"]);
    expect(first.tool?.args).toEqual({ country: "England" });
    const outputs = await first.executeTools();
    const history = [...(first.messages as BaseMessageParam[]), first.messageParam, ...first.toolMessageParams(outputs)];

    const onAnthropic = llm.override(chat, {
      provider: "anthropic",
      model: "claude-haiku-4-5",
      client: { fetch: anthropicFetch, apiKey: "sk-ant-test" },
    });
    const second = await onAnthropic(history);
    expect(second.provider).toBe("anthropic");
    expect(second.content).toBe("Hi there! How are you doing today? Is there anything I can help you with?");
    expect(second.finishReasons).toEqual(["stop"]);

    const sent = anthropicFetch.requests[0].json as { messages: { role: string; content: unknown }[] };
    expect(anthropicFetch.requests[0].url).toBe("https://api.anthropic.com/v1/messages");
    expect(sent.messages).toEqual([
      { role: "user", content: "What is the capital of England?" },
      {
        role: "assistant",
        content: [{ type: "tool_use", id: "call_SkEQ3ZGSJC8m6AvaIGNuuKdm", name: "get_capital", input: { country: "England" } }],
      },
      {
        role: "user",
        content: [{ type: "tool_result", tool_use_id: "call_SkEQ3ZGSJC8m6AvaIGNuuKdm", content: "London" }],
      },
    ]);
    expect((openaiFetch.requests[0].json as { tools: unknown[] }).tools).toHaveLength(1);
  });
});
