// Neutral params across providers (docs/providers.md, "Neutral params" and "Fallback across
// providers"): a fallback OpenAI → Anthropic → Gemini carries `params`, converted for each, and never
// sends OpenAI's `callParams` on. OpenAI answers HTTP 503 (status only), Anthropic its recorded 529
// overloaded body, Gemini its recorded text answer.
import { describe, expect, it } from "vitest";
import { llm as realLlm } from "../../src/index.ts";
import { openai as realOpenai } from "../../src/providers/openai/index.ts";
import { createReplayFetch, type RecordedRequest, type ReplayFetch } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";

type Fetch = typeof globalThis.fetch;

/** `llm` whose calls, and every fallback target, answer from `fetch` with a test key. */
function llmWith(fetch: Fetch): typeof realLlm {
  const client = { fetch, apiKey: "test-key" };
  const call = (o: any, fn: any) => realLlm.call({ ...o, client }, fn);
  const fallback = (c: any, alternatives: any[]) =>
    realLlm.fallback(
      c,
      alternatives.map((t) => ({ ...t, client })),
    );
  return { ...realLlm, call: call as typeof realLlm.call, fallback: fallback as typeof realLlm.fallback };
}

/** OpenAI down (503), Anthropic overloaded (529), Gemini up. */
function outage(): ReplayFetch {
  return createReplayFetch((req) => {
    if (req.url.startsWith("https://api.openai.com/")) return { status: 503 };
    if (req.url.startsWith("https://api.anthropic.com/"))
      return { status: 529, body: fixtures["extra/anthropic/error_529_overloaded.json"] };
    return { body: fixtures["gemini/generate_text.json"] };
  });
}

const bodyAt = (requests: RecordedRequest[], host: string) => requests.find((r) => r.url.startsWith(host))!.json as Record<string, any>;

describe("params across providers", () => {
  it("docs: one call's params in OpenAI's names", async () => {
    const replay = createReplayFetch({ body: fixtures["openai/chat_text.json"] });
    const openai = {
      ...realOpenai,
      call: ((o: any, fn: any) => realOpenai.call({ ...o, client: { fetch: replay, apiKey: "k" } }, fn)) as typeof realOpenai.call,
    };

    const answer = openai.call(
      { model: "gpt-5-mini", params: { maxTokens: 2048, stopSequences: ["\n\n"], thinking: { level: "low" } } },
      (question: string) => question,
    );

    await answer("Why is the sky blue?");
    expect(replay.requests[0]!.json).toMatchObject({ max_completion_tokens: 2048, stop: ["\n\n"], reasoning_effort: "low" });
  });

  it("docs: a fallback OpenAI → Anthropic → Gemini sends each its own names and no foreign field", async () => {
    const replay = outage();
    const llm = llmWith(replay);

    const answer = llm.call(
      {
        model: "openai/gpt-5-mini",
        params: { maxTokens: 4096, thinking: { level: "low" } },
        callParams: { service_tier: "flex" }, // OpenAI's own: not sent to the others
        retry: false,
      },
      (question: string) => question,
    );
    const sturdy = llm.fallback(answer, [
      { model: "anthropic/claude-sonnet-4-5" },
      { model: "google/gemini-2.5-flash", params: { thinking: { level: "off" } } },
    ]);
    const response = await sturdy("Why is the sky blue?");
    response.provider; // "google" when OpenAI and Anthropic are both down
    response.thinking; // the model's thinking text ("" without thinking)

    expect(response.provider).toBe("google");
    expect(response.content).toBe("Hello! How can I help you today?");
    expect(response.thinking).toBe("");
    expect(replay.requests.map((r) => new URL(r.url).host)).toEqual([
      "api.openai.com",
      "api.anthropic.com",
      "generativelanguage.googleapis.com",
    ]);
    expect(bodyAt(replay.requests, "https://api.openai.com/")).toEqual({
      model: "gpt-5-mini",
      messages: [{ role: "user", content: "Why is the sky blue?" }],
      max_completion_tokens: 4096,
      reasoning_effort: "low",
      service_tier: "flex",
    });
    expect(bodyAt(replay.requests, "https://api.anthropic.com/")).toEqual({
      model: "claude-sonnet-4-5",
      messages: [{ role: "user", content: "Why is the sky blue?" }],
      max_tokens: 4096,
      thinking: { type: "enabled", budget_tokens: 1024 },
    });
    expect(bodyAt(replay.requests, "https://generativelanguage.googleapis.com/")).toEqual({
      contents: [{ role: "user", parts: [{ text: "Why is the sky blue?" }] }],
      generationConfig: { maxOutputTokens: 4096, thinkingConfig: { thinkingBudget: 0 } },
    });
  });

  it("override keeps callParams on the same provider and drops them on another; target params merge over the call's", async () => {
    const replay = createReplayFetch((req) => ({
      body: fixtures[req.url.includes("anthropic") ? "anthropic/text.json" : "openai/chat_text.json"],
    }));
    const client = { fetch: replay, apiKey: "k" };
    const base = realLlm.call(
      { model: "openai/gpt-5-mini", params: { temperature: 0.5, maxTokens: 300 }, callParams: { user: "u-1" }, client },
      () => "Hi",
    );
    await realLlm.override(base, { model: "gpt-5", params: { maxTokens: 100 } })();
    await realLlm.override(base, { model: "anthropic/claude-haiku-4-5", client })();
    const [same, other] = replay.requests.map((r) => r.json as Record<string, unknown>);
    expect(same).toMatchObject({ model: "gpt-5", temperature: 0.5, max_completion_tokens: 100, user: "u-1" });
    expect(other).toEqual({ model: "claude-haiku-4-5", messages: [{ role: "user", content: "Hi" }], temperature: 0.5, max_tokens: 300 });
  });
});
