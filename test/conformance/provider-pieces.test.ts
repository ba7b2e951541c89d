// Each built-in provider is nothing but public pieces handed to `callFactory`: the same pieces,
// imported from the package's entry points, rebuild a working provider.
import { describe, expect, it } from "vitest";
import { callFactory } from "promptcall";
import * as anthropicEntry from "promptcall/anthropic";
import * as googleEntry from "promptcall/google";
import * as openaiEntry from "promptcall/openai";
import { createReplayFetch } from "promptcall/testing";
import { fixtures } from "../fixtures";

describe("providers rebuilt from their public pieces", () => {
  it("Anthropic", async () => {
    const { AnthropicCallResponse, AnthropicStream, AnthropicTool, setupCall, getJsonOutput, handleStream, toError } = anthropicEntry;
    const call = callFactory({ name: "anthropic", responseClass: AnthropicCallResponse, streamClass: AnthropicStream, toolClass: AnthropicTool, setupCall, getJsonOutput, handleStream, toError });
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
    const { GoogleCallResponse, GoogleStream, GoogleTool, setupCall, getJsonOutput, handleStream, googleToError } = googleEntry;
    const call = callFactory({ name: "google", responseClass: GoogleCallResponse, streamClass: GoogleStream, toolClass: GoogleTool, setupCall, getJsonOutput, handleStream, toError: googleToError });
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
});
