// The `llm` registry (DESIGN.md, "More providers"): `llm.registerProvider(name, provider)`, and the
// "name/model" shorthand for every built-in provider, every OpenAI-compatible preset and every
// registered provider, each loaded by name on first use. Neutral responses expose the thinking text.
import { describe, expect, it } from "vitest";
import { llm } from "../../src/index.ts";
import { openaiCompatible } from "../../src/providers/openai/index.ts";
import * as presets from "../../src/providers/openai/services/presets.ts";
import { createReplayFetch, fixtureResponse } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";

const CHAT = fixtures["openai/chat_text.json"]!;

describe("llm.registerProvider", () => {
  it('makes "name/model" and { provider: name } reach the registered provider', async () => {
    const fetch = createReplayFetch(() => fixtureResponse(CHAT));
    llm.registerProvider("vllm-test", openaiCompatible({ name: "vllm-test", baseURL: "http://localhost:8000/v1" }));
    const viaShorthand = await llm.call({ model: "vllm-test/Qwen/Qwen2.5-7B-Instruct", client: { fetch } }, () => "Hi")();
    const viaName = await llm.call({ provider: "vllm-test", model: "Qwen/Qwen2.5-7B-Instruct", client: { fetch } }, () => "Hi")();
    for (const response of [viaShorthand, viaName]) expect(response.provider).toBe("vllm-test");
    expect(fetch.requests.map((r) => r.url)).toEqual(Array(2).fill("http://localhost:8000/v1/chat/completions"));
    expect(fetch.requests.map((r) => (r.json as { model: string }).model)).toEqual(Array(2).fill("Qwen/Qwen2.5-7B-Instruct"));
  });

  it("a registered name wins over a built-in one", async () => {
    const fetch = createReplayFetch(fixtureResponse(CHAT));
    llm.registerProvider("together", openaiCompatible({ name: "together", baseURL: "https://together.proxy.example/v1" }));
    try {
      await llm.call({ model: "together/some-model", client: { fetch, apiKey: "k" } }, () => "Hi")();
      expect(fetch.requests[0]!.url).toBe("https://together.proxy.example/v1/chat/completions");
    } finally {
      llm.registerProvider("together", presets.together);
    }
  });

  it("docs: a local server registered by name", async () => {
    const fetch = createReplayFetch(fixtureResponse(CHAT));

    llm.registerProvider("vllm", openaiCompatible({ name: "vllm", baseURL: "http://localhost:8000/v1" }));
    const local = llm.call({ model: "vllm/Qwen/Qwen2.5-7B-Instruct" }, (q: string) => q);

    const withFetch = llm.override(local, { model: "vllm/Qwen/Qwen2.5-7B-Instruct", client: { fetch } });
    expect((await withFetch("Hi")).provider).toBe("vllm");
    expect(fetch.requests[0]!.url).toBe("http://localhost:8000/v1/chat/completions");
  });

  it("rejects a name with a slash and a provider without call", () => {
    expect(() => llm.registerProvider("a/b", presets.groq)).toThrow(TypeError);
    expect(() => llm.registerProvider("broken", {} as never)).toThrow(/call\(options, fn\)/);
  });

  it("an unknown prefix is a TypeError when the call is defined, naming the known providers", () => {
    expect(() => llm.call({ model: "nowhere/model" }, () => "Hi")).toThrow(/bedrock.*vertex.*groq|registerProvider/);
  });
});

describe('"name/model" for every built-in provider and preset', () => {
  it("every preset of promptcall/openai is known by its name", async () => {
    const names = Object.values(presets).map((preset) => preset.name);
    expect(names.length).toBeGreaterThanOrEqual(7);
    for (const name of names) {
      const fetch = createReplayFetch(fixtureResponse(CHAT));
      const response = await llm.call({ model: `${name}/some-model`, client: { fetch, apiKey: "k" } }, () => "Hi")();
      expect(response.provider).toBe(name);
      expect((fetch.requests[0]!.json as { model: string }).model).toBe("some-model");
    }
  });

  it("groq/, deepseek/, xai/ and openrouter/ reach their services", async () => {
    const cases = [
      ["groq/llama-3.3-70b-versatile", "https://api.groq.com/openai/v1/chat/completions"],
      ["deepseek/deepseek-chat", "https://api.deepseek.com/chat/completions"],
      ["xai/grok-4", "https://api.x.ai/v1/chat/completions"],
      ["openrouter/anthropic/claude-sonnet-4.5", "https://openrouter.ai/api/v1/chat/completions"],
    ];
    for (const [model, url] of cases) {
      const fetch = createReplayFetch(fixtureResponse(CHAT));
      await llm.call({ model: model!, client: { fetch, apiKey: "k" } }, () => "Hi")();
      expect(fetch.requests[0]!.url).toBe(url);
    }
  });

  it("bedrock/ reaches Converse; vertex/ picks Gemini or Claude by the model id", async () => {
    const fetch = createReplayFetch((req) =>
      fixtureResponse(
        fixtures[
          req.url.includes("bedrock")
            ? "bedrock/converse_reasoning_claude_sonnet4.json"
            : req.url.includes("anthropic")
              ? "anthropic/text.json"
              : "gemini/generate_text.json"
        ]!,
      ),
    );
    const client = { fetch, apiKey: "k", region: "us-east-1", project: "p", location: "global", accessToken: "t" };
    const models = ["bedrock/us.anthropic.claude-sonnet-4-20250514-v1:0", "vertex/claude-sonnet-4-5@20250929", "vertex/gemini-2.5-flash"];
    const responses = await Promise.all(models.map((model) => llm.call({ model, client }, () => "Hi")()));
    expect(responses.map((r) => r.provider)).toEqual(["bedrock", "vertex-anthropic", "vertex"]);
    expect(fetch.requests.map((r) => r.url).sort()).toEqual([
      "https://aiplatform.googleapis.com/v1/projects/p/locations/global/publishers/anthropic/models/claude-sonnet-4-5@20250929:rawPredict",
      "https://aiplatform.googleapis.com/v1/projects/p/locations/global/publishers/google/models/gemini-2.5-flash:generateContent",
      "https://bedrock-runtime.us-east-1.amazonaws.com/model/us.anthropic.claude-sonnet-4-20250514-v1%3A0/converse",
    ]);
  });
});

describe("neutral responses expose the thinking text", () => {
  it("Anthropic's thinking blocks, and OpenAI-compatible reasoning_content", async () => {
    const cases = [
      ["anthropic/claude-sonnet-4-6", "extra/anthropic/thinking_tool_call"],
      ["deepseek/deepseek-v4-flash", "extra/openai-compatible/deepseek_reasoning_content"],
    ];
    for (const [model, fixture] of cases) {
      const fetch = createReplayFetch(fixtureResponse(fixtures[`${fixture}.json`]!));
      const response = await llm.call({ model: model!, client: { fetch, apiKey: "k" } }, () => "Hi")();
      const expected = JSON.parse(fixtures[`${fixture}.expect.json`]!) as { thinking?: string; reasoning?: string };
      expect(response.thinking).toBe(expected.thinking ?? expected.reasoning);
      expect(response.thinking.length).toBeGreaterThan(10);
    }
  });

  it("a stream's chunks carry thinking deltas and the stream the whole text", async () => {
    const fetch = createReplayFetch(fixtureResponse(fixtures["extra/anthropic/stream_thinking_signature.sse"]!));
    const stream = await llm.call(
      { model: "anthropic/claude-sonnet-4-20250514", stream: true, client: { fetch, apiKey: "k" } },
      () => "Hi",
    )();
    let deltas = "";
    for await (const [chunk] of stream) deltas += chunk.thinking;
    const expected = (JSON.parse(fixtures["extra/anthropic/stream_thinking_signature.expect.json"]!) as { thinking: string }).thinking;
    expect(deltas).toBe(expected);
    expect(stream.thinking).toBe(expected);
  });
});
