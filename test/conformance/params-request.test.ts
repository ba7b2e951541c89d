// Neutral `params` become each API's own fields in the request body (DESIGN.md, "Provider-neutral
// parameters"); `callParams` stay native and win for the same field. Names from each API's reference:
// OpenAI Chat https://platform.openai.com/docs/api-reference/chat/create, Responses
// https://platform.openai.com/docs/api-reference/responses/create, Anthropic https://docs.anthropic.com/en/api/messages
// and https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking, Gemini
// https://ai.google.dev/api/generate-content#v1beta.GenerationConfig and https://ai.google.dev/gemini-api/docs/thinking.
import { describe, expect, it } from "vitest";
import type { Params } from "../../src/core/params.ts";
import { UnsupportedParamError } from "../../src/errors/unsupported-param-error.ts";
import { anthropic } from "../../src/providers/anthropic/index.ts";
import { bedrock } from "../../src/providers/bedrock/index.ts";
import { google } from "../../src/providers/google/index.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { vertex, vertexAnthropic } from "../../src/providers/vertex/index.ts";
import { createReplayFetch, fixtureResponse } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";

const ALL: Params = {
  temperature: 0.2,
  maxTokens: 2000,
  topP: 0.9,
  topK: 40,
  seed: 7,
  stopSequences: ["END"],
  frequencyPenalty: 0.1,
  presencePenalty: 0.3,
};

type Provider = { call: (options: any, fn: () => string) => () => Promise<unknown> };

/** The JSON body `provider` sends for one call with these options, answered by `fixture`. */
async function bodyOf(provider: Provider, options: Record<string, unknown>, fixture: string): Promise<Record<string, any>> {
  const fetch = createReplayFetch(fixtureResponse(fixtures[fixture]!));
  const client = { fetch, apiKey: "k", project: "p", location: "us-central1", accessToken: "t", region: "us-east-1" };
  await provider.call({ retry: false, ...options, client }, () => "Hello")();
  return fetch.requests[0]!.json as Record<string, any>;
}

describe("params: OpenAI Chat Completions", () => {
  it("uses max_completion_tokens, stop, seed, the penalties and reasoning_effort; drops topK", async () => {
    const body = await bodyOf(
      openai,
      { model: "gpt-5-mini", params: { ...ALL, thinking: { level: "low", budgetTokens: 5000 } } },
      "openai/chat_text.json",
    );
    expect(body).toEqual({
      model: "gpt-5-mini",
      messages: [{ role: "user", content: "Hello" }],
      temperature: 0.2,
      top_p: 0.9,
      max_completion_tokens: 2000,
      seed: 7,
      stop: ["END"],
      frequency_penalty: 0.1,
      presence_penalty: 0.3,
      reasoning_effort: "low",
    });
  });

  it('thinking "off" is reasoning_effort "none" from gpt-5.1 on, and not sent to models that cannot stop reasoning', async () => {
    const off = { thinking: { level: "off" } };
    expect((await bodyOf(openai, { model: "gpt-5.1", params: off }, "openai/chat_text.json")).reasoning_effort).toBe("none");
    expect(await bodyOf(openai, { model: "gpt-4o-mini", params: off }, "openai/chat_text.json")).not.toHaveProperty("reasoning_effort");
  });

  it("callParams win over params for the same field, and dynamic params merge over the options'", async () => {
    const fetch = createReplayFetch(fixtureResponse(fixtures["openai/chat_text.json"]!));
    const options = {
      model: "gpt-5-mini",
      params: { temperature: 0.2, maxTokens: 100 },
      callParams: { max_completion_tokens: 50 },
      client: { fetch, apiKey: "k" },
    };
    await openai.call(options, () => ({ messages: "Hello", params: { temperature: 0.5, thinking: { level: "high" as const } } }))();
    const body = fetch.requests[0]!.json as Record<string, unknown>;
    expect(body).toMatchObject({ temperature: 0.5, max_completion_tokens: 50, reasoning_effort: "high" });
    expect(body).not.toHaveProperty("max_tokens");
  });
});

describe("params: OpenAI Responses API", () => {
  it("uses max_output_tokens and reasoning { effort, summary }; drops what the Responses API lacks", async () => {
    const params = { ...ALL, thinking: { level: "medium", includeThoughts: true } };
    const body = await bodyOf(
      openai,
      { model: "o4-mini", api: "responses", params },
      "extra/openai/responses_reasoning_encrypted_message.json",
    );
    expect(body).toEqual({
      model: "o4-mini",
      input: [{ role: "user", content: "Hello" }],
      temperature: 0.2,
      top_p: 0.9,
      max_output_tokens: 2000,
      reasoning: { effort: "medium", summary: "auto" },
    });
  });
});

describe("params: Anthropic", () => {
  it("uses max_tokens, top_k, stop_sequences and thinking.budget_tokens; drops seed and the penalties", async () => {
    const params = { ...ALL, temperature: 1, thinking: { level: "medium", budgetTokens: 1500 } };
    const body = await bodyOf(anthropic, { model: "claude-sonnet-4-5", params }, "anthropic/text.json");
    expect(body).toEqual({
      model: "claude-sonnet-4-5",
      messages: [{ role: "user", content: "Hello" }],
      max_tokens: 2000,
      temperature: 1,
      top_p: 0.9,
      top_k: 40,
      stop_sequences: ["END"],
      thinking: { type: "enabled", budget_tokens: 1500 },
    });
  });

  it("a level's budget leaves room for the answer when maxTokens is not given; off is thinking disabled", async () => {
    const high = await bodyOf(anthropic, { model: "claude-sonnet-4-5", params: { thinking: { level: "high" } } }, "anthropic/text.json");
    expect(high.thinking).toEqual({ type: "enabled", budget_tokens: 24576 });
    expect(high.max_tokens).toBe(24576 + 8192);
    const off = await bodyOf(anthropic, { model: "claude-sonnet-4-5", params: { thinking: { level: "off" } } }, "anthropic/text.json");
    expect(off.thinking).toEqual({ type: "disabled" });
  });

  it("a budget below 1,024 or not below maxTokens is an UnsupportedParamError before any request", async () => {
    for (const params of [{ thinking: { level: "low", budgetTokens: 500 } }, { maxTokens: 1000, thinking: { level: "low" } }]) {
      const fetch = createReplayFetch([]);
      const call = anthropic.call({ model: "claude-sonnet-4-5", params: params as Params, client: { fetch, apiKey: "k" } }, () => "Hello");
      const error = await call().catch((e: unknown) => e);
      expect(UnsupportedParamError.isInstance(error)).toBe(true);
      expect((error as UnsupportedParamError).param).toBe("thinking.budgetTokens");
      expect(fetch.requests).toHaveLength(0);
    }
  });

  it("callParams win: a native thinking config replaces the converted one", async () => {
    const options = {
      model: "claude-sonnet-4-5",
      params: { maxTokens: 4000, thinking: { level: "high" } },
      callParams: { thinking: { type: "disabled" } },
    };
    const body = await bodyOf(anthropic, options, "anthropic/text.json");
    expect(body.thinking).toEqual({ type: "disabled" });
  });
});

describe("params: Gemini", () => {
  it("fills generationConfig, with a thinkingBudget for Gemini 2.5", async () => {
    const params = { ...ALL, thinking: { level: "low", includeThoughts: true } };
    const body = await bodyOf(google, { model: "gemini-2.5-flash", params }, "gemini/generate_text.json");
    expect(body.generationConfig).toEqual({
      temperature: 0.2,
      topP: 0.9,
      topK: 40,
      maxOutputTokens: 2000,
      stopSequences: ["END"],
      seed: 7,
      presencePenalty: 0.3,
      frequencyPenalty: 0.1,
      thinkingConfig: { thinkingBudget: 1024, includeThoughts: true },
    });
  });

  it("Gemini 3 gets a thinkingLevel (off is minimal) unless a budget is given; off is budget 0 for 2.5", async () => {
    const level = (model: string, thinking: object) => bodyOf(google, { model, params: { thinking } }, "gemini/generate_text.json");
    expect((await level("gemini-3-pro-preview", { level: "high" })).generationConfig.thinkingConfig).toEqual({ thinkingLevel: "high" });
    expect((await level("gemini-3-flash-preview", { level: "off" })).generationConfig.thinkingConfig).toEqual({ thinkingLevel: "minimal" });
    expect((await level("gemini-3-pro-preview", { level: "low", budgetTokens: 2048 })).generationConfig.thinkingConfig).toEqual({
      thinkingBudget: 2048,
    });
    expect((await level("gemini-2.5-flash", { level: "off" })).generationConfig.thinkingConfig).toEqual({ thinkingBudget: 0 });
  });

  it("callParams win, flat and in their own generationConfig", async () => {
    const options = {
      model: "gemini-2.5-flash",
      params: { temperature: 0.2, topK: 40, maxTokens: 10 },
      callParams: { temperature: 0.9, generationConfig: { topK: 3 } },
    };
    const body = await bodyOf(google, options, "gemini/generate_text.json");
    expect(body.generationConfig).toEqual({ temperature: 0.9, topK: 3, maxOutputTokens: 10 });
  });
});

describe("params: Vertex AI", () => {
  it("Gemini on Vertex converts as Gemini, Claude on Vertex as Anthropic", async () => {
    const params = { maxTokens: 3000, topK: 5, thinking: { level: "low" } };
    const gemini = await bodyOf(vertex, { model: "gemini-2.5-pro", params }, "gemini/generate_text.json");
    expect(gemini.generationConfig).toEqual({ maxOutputTokens: 3000, topK: 5, thinkingConfig: { thinkingBudget: 1024 } });
    const claude = await bodyOf(vertexAnthropic, { model: "claude-sonnet-4-5@20250929", params }, "anthropic/text.json");
    expect(claude).toMatchObject({
      anthropic_version: "vertex-2023-10-16",
      max_tokens: 3000,
      top_k: 5,
      thinking: { type: "enabled", budget_tokens: 1024 },
    });
  });
});

describe("params: Bedrock Converse", () => {
  // https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html (inferenceConfig),
  // https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-extended-thinking.html (Claude's fields).
  it("fills inferenceConfig; Claude's top_k and thinking go in additionalModelRequestFields; seed and penalties dropped", async () => {
    const params = { ...ALL, thinking: { level: "low" } };
    const body = await bodyOf(
      bedrock,
      { model: "us.anthropic.claude-sonnet-4-20250514-v1:0", params },
      "bedrock/converse_reasoning_claude_sonnet4.json",
    );
    expect(body.inferenceConfig).toEqual({ maxTokens: 2000, temperature: 0.2, topP: 0.9, stopSequences: ["END"] });
    expect(body.additionalModelRequestFields).toEqual({ top_k: 40, thinking: { type: "enabled", budget_tokens: 1024 } });
    expect(body).not.toHaveProperty("seed");
  });

  it("Nova 2 gets reasoningConfig and inferenceConfig.topK; other families only inferenceConfig; callParams win", async () => {
    const params = { maxTokens: 100, topK: 5, thinking: { level: "medium" } };
    const nova = await bodyOf(bedrock, { model: "us.amazon.nova-2-lite-v1:0", params }, "bedrock/converse_reasoning_claude_sonnet4.json");
    expect(nova.additionalModelRequestFields).toEqual({
      inferenceConfig: { topK: 5 },
      reasoningConfig: { type: "enabled", maxReasoningEffort: "medium" },
    });
    const llama = await bodyOf(
      bedrock,
      { model: "meta.llama3-70b-instruct-v1:0", params, callParams: { inferenceConfig: { maxTokens: 50 } } },
      "bedrock/converse_reasoning_claude_sonnet4.json",
    );
    expect(llama.inferenceConfig).toEqual({ maxTokens: 50 });
    expect(llama).not.toHaveProperty("additionalModelRequestFields");
  });
});
