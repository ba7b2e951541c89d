// OpenAI-compatible presets (same classes, their own URL, key variable and name), Azure OpenAI's URL
// scheme and `api-key` header, and the client rules: missing keys and keys in web pages.
import { describe, expect, it } from "vitest";
import { type APIError, AuthenticationError } from "../../src/errors/index.ts";
import { readEnv } from "../../src/http/env.ts";
import { BrowserApiKeyError } from "../../src/index.ts";
import { checkBrowserKey, isBrowserRuntime } from "../../src/provider.ts";
import {
  azureOpenAI,
  deepseek,
  groq,
  mistral,
  ollama,
  openai,
  openaiCompatible,
  openrouter,
  together,
  xai,
  type OpenAICompatibleProvider,
} from "../../src/providers/openai/index.ts";
import { createReplayFetch } from "../../src/testing/replay-fetch.ts";

const okBody = JSON.stringify({
  id: "cmpl-1",
  object: "chat.completion",
  created: 1,
  model: "some-model",
  choices: [{ index: 0, message: { role: "assistant", content: "ok" }, finish_reason: "stop" }],
  usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
});

const presets: [OpenAICompatibleProvider, string, string][] = [
  [groq, "groq", "https://api.groq.com/openai/v1/chat/completions"],
  [xai, "xai", "https://api.x.ai/v1/chat/completions"],
  [deepseek, "deepseek", "https://api.deepseek.com/chat/completions"],
  [openrouter, "openrouter", "https://openrouter.ai/api/v1/chat/completions"],
  [together, "together", "https://api.together.ai/v1/chat/completions"],
  [mistral, "mistral", "https://api.mistral.ai/v1/chat/completions"],
  [ollama, "ollama", "http://localhost:11434/v1/chat/completions"],
];

describe("openai-compatible presets", () => {
  for (const [preset, name, url] of presets) {
    it(`${name} posts to ${url} with the key as a bearer token`, async () => {
      const fetch = createReplayFetch({ body: okBody });
      const r = await preset.call({ model: "some-model", client: { apiKey: `${name}-key`, fetch } }, () => "hi")();
      expect(preset.name).toBe(name);
      expect(fetch.requests[0].url).toBe(url);
      expect(fetch.requests[0].headers.authorization).toBe(`Bearer ${name}-key`);
      expect(r.provider).toBe(name);
      expect(r.content).toBe("ok");
    });
  }

  it("errors name the preset, and a streamed call to Mistral does not send stream_options", async () => {
    const fetch = createReplayFetch([
      {
        status: 401,
        body: JSON.stringify({ error: { message: "Invalid API Key", type: "invalid_request_error", code: "invalid_api_key" } }),
      },
      { body: "data: [DONE]\n\n" },
    ]);
    const error = await groq
      .call({ model: "llama", client: { apiKey: "gsk-secret", fetch } }, () => "hi")()
      .catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect((error as APIError).provider).toBe("groq");
    expect((error as APIError).message).toMatch(/^groq returned HTTP 401/);
    expect(JSON.stringify(error)).not.toContain("gsk-secret");
    const s = await mistral.call({ model: "mistral-small-latest", stream: true, client: { apiKey: "k", fetch } }, () => "hi")();
    for await (const _ of s) {
      // drain
    }
    expect((fetch.requests[1].json as Record<string, unknown>).stream_options).toBeUndefined();
  });

  it("ollama needs no key; a custom service carries its headers and default key", async () => {
    const fetch = createReplayFetch([{ body: okBody }, { body: okBody }]);
    await ollama.call({ model: "llama3.2", client: { fetch } }, () => "hi")();
    expect(fetch.requests[0].headers.authorization).toBeUndefined();
    const vllm = openaiCompatible({ name: "vllm", baseURL: "http://gpu:8000/v1/", apiKey: "local-key", headers: { "x-team": "ml" } });
    const r = await vllm.call({ model: "qwen", client: { fetch } }, () => "hi")();
    expect(fetch.requests[1].url).toBe("http://gpu:8000/v1/chat/completions");
    expect(fetch.requests[1].headers.authorization).toBe("Bearer local-key");
    expect(fetch.requests[1].headers["x-team"]).toBe("ml");
    expect(r.provider).toBe("vllm");
  });

  it("a compatible service uses a forced tool call for responseModel unless it declares json_schema support", async () => {
    const schema = { type: "object", properties: { a: { type: "number" } }, required: ["a"] };
    const call = { id: "c1", type: "function", function: { name: "response", arguments: '{"a":1}' } };
    const toolBody = JSON.stringify({
      ...JSON.parse(okBody),
      choices: [{ index: 0, message: { role: "assistant", content: null, tool_calls: [call] }, finish_reason: "stop" }],
    });
    const fetch = createReplayFetch([
      { body: toolBody },
      {
        body: JSON.stringify({
          ...JSON.parse(okBody),
          choices: [{ index: 0, message: { role: "assistant", content: '{"a":2}' }, finish_reason: "stop" }],
        }),
      },
    ]);
    expect(await deepseek.call({ model: "deepseek-chat", responseModel: schema, client: { apiKey: "k", fetch } }, () => "x")()).toEqual({
      a: 1,
    });
    expect((fetch.requests[0].json as Record<string, any>).tool_choice).toEqual({ type: "function", function: { name: "response" } });
    expect(await xai.call({ model: "grok-4", responseModel: schema, client: { apiKey: "k", fetch } }, () => "x")()).toEqual({ a: 2 });
    expect((fetch.requests[1].json as Record<string, any>).response_format.type).toBe("json_schema");
  });
});

describe("azure openai", () => {
  it("posts to the deployment URL with api-version and the key in an api-key header", async () => {
    const fetch = createReplayFetch([
      { body: okBody },
      { body: JSON.stringify({ id: "resp_1", object: "response", created_at: 1, model: "gpt-4o", status: "completed", output: [] }) },
    ]);
    const azure = azureOpenAI({ resourceName: "acme", deployment: "gpt-4o-mini", apiVersion: "2024-10-21", apiKey: "az-key" });
    const r = await azure.call({ model: "gpt-4o-mini", client: { fetch } }, () => "hi")();
    const req = fetch.requests[0];
    expect(req.url).toBe("https://acme.openai.azure.com/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21");
    expect(req.headers["api-key"]).toBe("az-key");
    expect(req.headers.authorization).toBeUndefined();
    expect(r.provider).toBe("azure");
    const viaEndpoint = azureOpenAI({ endpoint: "https://eu.example.azure.com/", deployment: "my dep", apiKey: "k2" });
    await viaEndpoint.call({ model: "gpt-4o", api: "responses", client: { fetch } }, () => "hi")();
    expect(fetch.requests[1].url).toBe("https://eu.example.azure.com/openai/responses?api-version=2024-10-21");
    expect(fetch.requests[1].headers["api-key"]).toBe("k2");
  });

  it("needs a resource name or an endpoint", () => {
    expect(() => azureOpenAI({ deployment: "d" })).toThrow(/resourceName.*endpoint/);
  });
});

describe("openai client rules", () => {
  it("a web page calling the provider's API without an explicit key gets BrowserApiKeyError", () => {
    const base = { provider: "openai", explicitApiKey: false, targetsProviderApi: true };
    let caught: unknown;
    try {
      checkBrowserKey({ ...base, isBrowser: true });
    } catch (e) {
      caught = e;
    }
    expect(BrowserApiKeyError.isInstance(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/do not belong in pages/);
    expect((caught as Error).message).toMatch(/proxy/);
    expect(() => checkBrowserKey({ ...base, isBrowser: false })).not.toThrow();
    expect(() => checkBrowserKey({ ...base, isBrowser: true, targetsProviderApi: false })).not.toThrow();
    expect(() => checkBrowserKey({ ...base, isBrowser: true, explicitApiKey: true })).not.toThrow();
    expect(() => checkBrowserKey({ ...base, isBrowser: true, dangerouslyAllowBrowser: true })).not.toThrow();
  });

  it("in this runtime, a keyless call to api.openai.com fails before any request (browser: BrowserApiKeyError)", async () => {
    const fetch = createReplayFetch({ body: okBody });
    const outcome = await openai
      .call({ model: "gpt-4o-mini", client: { fetch } }, () => "hi")()
      .then(
        () => "sent",
        (e: unknown) => e,
      );
    if (isBrowserRuntime()) {
      expect(BrowserApiKeyError.isInstance(outcome)).toBe(true);
      expect(fetch.requests).toHaveLength(0);
    } else if (readEnv("OPENAI_API_KEY")) {
      expect(outcome).toBe("sent");
    } else {
      expect(AuthenticationError.isInstance(outcome)).toBe(true);
      expect((outcome as Error).message).toMatch(/OPENAI_API_KEY/);
      expect(fetch.requests).toHaveLength(0);
    }
  });

  it("a proxy baseURL needs no key and is allowed everywhere, including web pages", async () => {
    const fetch = createReplayFetch({ body: okBody });
    const r = await openai.call({ model: "gpt-4o-mini", client: { fetch, baseURL: "https://proxy.example/v1" } }, () => "hi")();
    expect(r.content).toBe("ok");
    expect(fetch.requests[0].url).toBe("https://proxy.example/v1/chat/completions");
    const envKey = readEnv("OPENAI_API_KEY");
    expect(fetch.requests[0].headers.authorization).toBe(envKey ? `Bearer ${envKey}` : undefined);
  });

  it("dangerouslyAllowBrowser lets a web page call the API (then the key rules apply as usual)", async () => {
    const fetch = createReplayFetch({ body: okBody });
    const outcome = await openai
      .call({ model: "gpt-4o-mini", client: { fetch, dangerouslyAllowBrowser: true } }, () => "hi")()
      .then(
        () => "sent",
        (e: unknown) => e,
      );
    expect(BrowserApiKeyError.isInstance(outcome)).toBe(false);
  });
});
