// Neutral `params` for the OpenAI-compatible presets: each service's own names, as each documents them
// (sources in src/providers/openai/convert-params.ts): DeepSeek's thinking switch and max_tokens,
// OpenRouter's reasoning object and top_k, Mistral's random_seed, Groq's max_completion_tokens.
import { describe, expect, it } from "vitest";
import type { Params } from "../../src/core/params.ts";
import { deepseek, groq, mistral, ollama, openaiCompatible, openrouter, together, xai } from "../../src/providers/openai/index.ts";
import { createReplayFetch, fixtureResponse } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";

type Provider = { call: (options: any, fn: () => string) => () => Promise<unknown> };

const SAMPLING: Params = { temperature: 0.2, maxTokens: 500, topP: 0.9, topK: 40, seed: 7, stopSequences: ["END"] };

/** The body of one call through `preset` with `params` (the message and model left out). */
async function fieldsOf(preset: Provider, params: Params, model = "some-model"): Promise<Record<string, unknown>> {
  const fetch = createReplayFetch(fixtureResponse(fixtures["openai/chat_text.json"]!));
  await preset.call({ model, params, retry: false, client: { fetch, apiKey: "k" } }, () => "Hello")();
  const { model: _m, messages: _messages, ...rest } = fetch.requests[0]!.json as Record<string, unknown>;
  return rest;
}

describe("params: OpenAI-compatible presets", () => {
  it("Groq and xAI: OpenAI's names (max_completion_tokens), no top_k; reasoning_effort for a level", async () => {
    for (const preset of [groq, xai]) {
      expect(await fieldsOf(preset, { ...SAMPLING, thinking: { level: "high" } })).toEqual({
        temperature: 0.2,
        top_p: 0.9,
        max_completion_tokens: 500,
        seed: 7,
        stop: ["END"],
        reasoning_effort: "high",
      });
      expect(await fieldsOf(preset, { thinking: { level: "off" } })).toEqual({});
    }
  });

  it("DeepSeek: max_tokens, no seed, thinking { type } with reasoning_effort", async () => {
    expect(await fieldsOf(deepseek, { ...SAMPLING, thinking: { level: "low" } }, "deepseek-chat")).toEqual({
      temperature: 0.2,
      top_p: 0.9,
      max_tokens: 500,
      stop: ["END"],
      thinking: { type: "enabled" },
      reasoning_effort: "low",
    });
    expect(await fieldsOf(deepseek, { thinking: { level: "off" } })).toEqual({ thinking: { type: "disabled" } });
  });

  it("OpenRouter: top_k, and reasoning with an effort or a max_tokens budget", async () => {
    expect(await fieldsOf(openrouter, { ...SAMPLING, thinking: { level: "medium" } })).toEqual({
      temperature: 0.2,
      top_p: 0.9,
      max_tokens: 500,
      seed: 7,
      top_k: 40,
      stop: ["END"],
      reasoning: { effort: "medium" },
    });
    expect(await fieldsOf(openrouter, { thinking: { level: "high", budgetTokens: 3000, includeThoughts: false } })).toEqual({
      reasoning: { max_tokens: 3000, exclude: true },
    });
    expect(await fieldsOf(openrouter, { thinking: { level: "off" } })).toEqual({ reasoning: { enabled: false } });
  });

  it("Together: top_k, thinking dropped; Mistral: random_seed, no top_k, thinking dropped", async () => {
    const thinking = { level: "high" } as const;
    expect(await fieldsOf(together, { ...SAMPLING, thinking })).toEqual({
      temperature: 0.2,
      top_p: 0.9,
      max_tokens: 500,
      seed: 7,
      top_k: 40,
      stop: ["END"],
    });
    expect(await fieldsOf(mistral, { ...SAMPLING, thinking })).toEqual({
      temperature: 0.2,
      top_p: 0.9,
      max_tokens: 500,
      random_seed: 7,
      stop: ["END"],
    });
  });

  it("Ollama and custom compatible servers: max_tokens, seed, reasoning_effort; no top_k", async () => {
    const vllm = openaiCompatible({ name: "vllm", baseURL: "http://localhost:8000/v1" });
    for (const preset of [ollama, vllm]) {
      expect(await fieldsOf(preset, { ...SAMPLING, frequencyPenalty: 0.5, thinking: { level: "low" } })).toEqual({
        temperature: 0.2,
        top_p: 0.9,
        max_tokens: 500,
        seed: 7,
        stop: ["END"],
        frequency_penalty: 0.5,
        reasoning_effort: "low",
      });
    }
  });
});
