// Cost of the OpenAI-compatible presets: each preset's calls are priced from its own table
// (src/providers/openai/services/prices.ts), checked on real recorded responses.
import { describe, expect, it } from "vitest";
import { deepseek, groq, xai } from "../../src/providers/openai/services/presets.ts";
import { createReplayFetch } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";

const recorded = (name: string) => fixtures[`extra/openai-compatible/${name}`]!;

describe("preset prices", () => {
  it("a DeepSeek call is priced from DeepSeek's table", async () => {
    const body = recorded("deepseek_reasoning_content.json");
    const raw = JSON.parse(body) as { model: string; usage: { prompt_tokens: number; completion_tokens: number } };
    const fetch = createReplayFetch({ body });
    const r = await deepseek.call({ model: "deepseek-v4-flash", client: { fetch, apiKey: "k" } }, () => "hi")();
    expect(r.model).toBe(raw.model);
    // deepseek-v4-flash: $0.14 in, $0.28 out per 1M tokens; no cached tokens in this answer.
    expect(r.cost).toBeCloseTo((raw.usage.prompt_tokens * 0.14 + raw.usage.completion_tokens * 0.28) / 1e6, 15);
  });

  it("an xAI call costs what xAI itself reported (cost_in_usd_ticks, 1e-10 USD each)", async () => {
    const body = recorded("xai_tool_call_reasoning_apart.json");
    const raw = JSON.parse(body) as { usage: { cost_in_usd_ticks: number } };
    const fetch = createReplayFetch({ body });
    const r = await xai.call({ model: "grok-3-mini", client: { fetch, apiKey: "k" } }, () => "hi")();
    // grok-3-mini: $0.30 in, $0.075 cached, $0.50 out; xAI counts reasoning apart from completion tokens.
    expect(r.cost).toBeCloseTo(raw.usage.cost_in_usd_ticks / 1e10, 12);
  });

  it("a streamed Groq call is priced from Groq's table once the stream ends", async () => {
    const fetch = createReplayFetch({
      body: recorded("groq_stream_tool_call_x_groq_usage.sse"),
      headers: { "content-type": "text/event-stream" },
    });
    const stream = await groq.call({ model: "llama-3.3-70b-versatile", stream: true, client: { fetch, apiKey: "k" } }, () => "hi")();
    for await (const _ of stream) {
      // drain
    }
    const usage = stream.usage!;
    expect(usage.inputTokens).toBeGreaterThan(0);
    // llama-3.3-70b-versatile on Groq: $0.59 in, $0.79 out per 1M tokens.
    expect(stream.cost).toBeCloseTo((usage.inputTokens * 0.59 + usage.outputTokens * 0.79) / 1e6, 15);
  });

  it("a preset's calls are not priced from OpenAI's table", async () => {
    const fetch = createReplayFetch({ body: fixtures["openai/chat_text.json"]! });
    const r = await groq.call({ model: "gpt-4.1-nano", client: { fetch, apiKey: "k" } }, () => "hi")();
    expect(r.model).toMatch(/^gpt-4\.1-nano/);
    expect(r.usage).toBeDefined();
    expect(r.cost).toBeUndefined();
  });
});
