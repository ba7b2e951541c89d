// Each built-in provider is nothing but public pieces handed to `callFactory`: the same pieces,
// imported from the package's entry points, rebuild a working provider.
import { describe, expect, it } from "vitest";
import { callFactory } from "promptcall/provider";
import * as anthropicEntry from "promptcall/anthropic";
import * as googleEntry from "promptcall/google";
import * as openaiEntry from "promptcall/openai";
import { createReplayFetch } from "promptcall/testing";
import { fixtures } from "../fixtures/index.ts";

describe("providers rebuilt from their public pieces", () => {
  it("Anthropic", async () => {
    const { AnthropicCallResponse, AnthropicStream, AnthropicTool, setupCall, getJsonOutput, handleStream, toError } = anthropicEntry;
    const call = callFactory({
      name: "anthropic",
      responseClass: AnthropicCallResponse,
      streamClass: AnthropicStream,
      toolClass: AnthropicTool,
      setupCall,
      getJsonOutput,
      handleStream,
      toError,
    });
    const fetch = createReplayFetch([{ body: fixtures["anthropic/text.json"] }, { body: fixtures["anthropic/stream_text_docs.sse"] }]);
    const r = await call({ model: "claude-haiku-4-5", client: { fetch, apiKey: "k" } }, () => "hi")();
    expect(r.content).toBe("Hi there! How are you doing today? Is there anything I can help you with?");
    const s = await call({ model: "claude-haiku-4-5", stream: true, client: { fetch, apiKey: "k" } }, () => "hi")();
    for await (const _ of s) {
      // read it all
    }
    expect(s.content.length).toBeGreaterThan(0);
  });

  it("Google", async () => {
    const { GoogleCallResponse, GoogleStream, GoogleTool, setupCall, getJsonOutput, handleStream, toError } = googleEntry;
    const call = callFactory({
      name: "google",
      responseClass: GoogleCallResponse,
      streamClass: GoogleStream,
      toolClass: GoogleTool,
      setupCall,
      getJsonOutput,
      handleStream,
      toError,
    });
    const expected = JSON.parse(fixtures["gemini/generate_text.expect.json"]) as { text: string };
    const fetch = createReplayFetch({ body: fixtures["gemini/generate_text.json"] });
    const r = await call({ model: "gemini-2.5-flash", client: { fetch, apiKey: "k" } }, () => "hi")();
    expect(r.content).toBe(expected.text);
  });

  it("OpenAI", async () => {
    const { openaiProvider, OpenAICallResponse, OpenAIStream, OpenAITool, getJsonOutput } = openaiEntry;
    expect(openaiProvider.responseClass).toBe(OpenAICallResponse);
    expect(openaiProvider.streamClass).toBe(OpenAIStream);
    expect(openaiProvider.toolClass).toBe(OpenAITool);
    expect(openaiProvider.getJsonOutput).toBe(getJsonOutput);
    const call = callFactory(openaiProvider);
    const expected = JSON.parse(fixtures["openai/chat_text.expect.json"]) as { text: string };
    const fetch = createReplayFetch({ body: fixtures["openai/chat_text.json"] });
    const r = await call({ model: "gpt-4.1-nano", client: { fetch, apiKey: "k" } }, () => "hi")();
    expect(r.content).toBe(expected.text);
  });

  it("a definition's own prices give its calls a cost, under its own name", async () => {
    const { openaiProvider, OPENAI_PRICES } = openaiEntry;
    expect(openaiProvider.prices).toBe(OPENAI_PRICES);
    const acme = { "acme/house-model": { input: 1, output: 2 } };
    const call = callFactory({ ...openaiProvider, name: "acme", prices: acme });
    const fetch = createReplayFetch({ body: fixtures["openai/chat_text.json"] });
    const r = await call({ model: "house-model", client: { fetch, apiKey: "k", baseURL: "http://127.0.0.1:9/v1" } }, () => "hi")();
    const raw = JSON.parse(fixtures["openai/chat_text.json"]) as {
      model: string;
      usage: { prompt_tokens: number; completion_tokens: number };
    };
    // The answer names its model (gpt-4.1-nano…), which "acme" has no price for: cost is per answering model.
    expect(r.model).toBe(raw.model);
    expect(r.cost).toBeUndefined();
    const priced = new openaiEntry.OpenAICallResponse({ raw: { ...raw, model: "house-model" } as never, provider: "acme", messages: [] });
    expect(priced.cost).toBeCloseTo((raw.usage.prompt_tokens * 1 + raw.usage.completion_tokens * 2) / 1e6, 12);
  });

  it("a response built by hand has a cost as soon as its provider's entry is loaded", () => {
    const raw = JSON.parse(fixtures["openai/chat_text.json"]) as { usage: { prompt_tokens: number; completion_tokens: number } };
    const r = new openaiEntry.OpenAICallResponse({ raw: { ...raw, model: "gpt-4o-mini" } as never, provider: "openai", messages: [] });
    expect(r.cost).toBeCloseTo((raw.usage.prompt_tokens * 0.15 + raw.usage.completion_tokens * 0.6) / 1e6, 12);
  });
});
