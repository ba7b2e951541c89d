// Request bodies and headers of the Anthropic provider match the Messages API reference
// (https://docs.anthropic.com/en/api/messages): system, messages merging, tools, tool results,
// cache_control, images, documents, call params, max_tokens defaults and the client headers.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readEnv } from "../../src/http/env.ts";
import { promptTemplate } from "../../src/core/prompt/prompt-template.ts";
import { defineTool } from "../../src/core/tools/tool.ts";
import { AuthenticationError } from "../../src/errors/authentication-error.ts";
import { PromptcallError } from "../../src/errors/promptcall-error.ts";
import { anthropic, type AnthropicClientOptions } from "../../src/providers/anthropic/index.ts";
import { createReplayFetch, fixtureResponse, type RecordedRequest } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";

const TEXT = fixtures["anthropic/text.json"];

/** Makes one non-streaming call against the text fixture and returns the request it sent. */
async function send(
  prompt: unknown,
  options: { model?: string; callParams?: Record<string, unknown>; tools?: any[]; client?: AnthropicClientOptions } = {},
): Promise<RecordedRequest & { json: Record<string, any> }> {
  const fetch = createReplayFetch(fixtureResponse(TEXT));
  const call = anthropic.call(
    {
      model: options.model ?? "claude-haiku-4-5",
      callParams: options.callParams as never,
      tools: options.tools,
      client: { fetch, apiKey: "sk-ant-test", ...options.client },
    },
    () => prompt as never,
  );
  await call();
  return fetch.requests[0] as RecordedRequest & { json: Record<string, any> };
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 255, 254, 253]);
const PNG_BASE64 = "iVBORw0KGgoAAAAN//79";
const PDF = new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n");

describe("anthropic client and headers", () => {
  it("posts to /v1/messages with x-api-key, anthropic-version and JSON content type", async () => {
    const req = await send("Hi");
    expect(req.method).toBe("POST");
    expect(req.url).toBe("https://api.anthropic.com/v1/messages");
    expect(req.headers["x-api-key"]).toBe("sk-ant-test");
    expect(req.headers["anthropic-version"]).toBe("2023-06-01");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers["anthropic-beta"]).toBeUndefined();
    expect(req.headers.authorization).toBeUndefined();
  });

  it("sends the browser-access header only with dangerouslyAllowBrowser: true", async () => {
    const plain = await send("Hi", { client: { headers: { "Anthropic-Dangerous-Direct-Browser-Access": "true" } } });
    expect(plain.headers["anthropic-dangerous-direct-browser-access"]).toBeUndefined();
    const off = await send("Hi", { client: { dangerouslyAllowBrowser: false } });
    expect(off.headers["anthropic-dangerous-direct-browser-access"]).toBeUndefined();
    const on = await send("Hi", { client: { dangerouslyAllowBrowser: true } });
    expect(on.headers["anthropic-dangerous-direct-browser-access"]).toBe("true");
  });

  it("sends anthropicVersion, anthropicBeta (comma-joined), extra headers and a custom baseURL", async () => {
    const req = await send("Hi", {
      client: {
        anthropicVersion: "2024-01-01",
        anthropicBeta: ["interleaved-thinking-2025-05-14", "files-api-2025-04-14"],
        headers: { "X-Trace": "abc", "X-Api-Key": "sk-override" },
        baseURL: "https://proxy.example/anthropic/v1/",
      },
    });
    expect(req.url).toBe("https://proxy.example/anthropic/v1/messages");
    expect(req.headers["anthropic-version"]).toBe("2024-01-01");
    expect(req.headers["anthropic-beta"]).toBe("interleaved-thinking-2025-05-14,files-api-2025-04-14");
    expect(req.headers["x-trace"]).toBe("abc");
    expect(req.headers["x-api-key"]).toBe("sk-override");
  });

  it("without a key: AuthenticationError naming ANTHROPIC_API_KEY before any request (or the env key is used)", async () => {
    const fetch = createReplayFetch(fixtureResponse(TEXT));
    const call = anthropic.call({ model: "claude-haiku-4-5", client: { fetch } }, () => "Hi");
    const envKey = readEnv("ANTHROPIC_API_KEY");
    if (envKey) {
      await call();
      expect(fetch.requests[0].headers["x-api-key"]).toBe(envKey);
      return;
    }
    const error = await call().catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain("ANTHROPIC_API_KEY");
    expect(fetch.requests).toHaveLength(0);
  });

  it("a proxy baseURL works without a key (the proxy adds it)", async () => {
    if (readEnv("ANTHROPIC_API_KEY")) return;
    const fetch = createReplayFetch(fixtureResponse(TEXT));
    await anthropic.call({ model: "claude-haiku-4-5", client: { fetch, baseURL: "https://proxy.example/v1" } }, () => "Hi")();
    expect(fetch.requests[0].headers["x-api-key"]).toBeUndefined();
  });
});

describe("anthropic request body", () => {
  it("a string prompt is one user message; max_tokens defaults per model", async () => {
    const req = await send("Hi");
    expect(req.json).toEqual({ model: "claude-haiku-4-5", max_tokens: 8192, messages: [{ role: "user", content: "Hi" }] });
    expect((await send("Hi", { model: "claude-3-haiku-20240307" })).json.max_tokens).toBe(4096);
    expect((await send("Hi", { model: "claude-3-5-sonnet-20241022" })).json.max_tokens).toBe(8192);
    expect((await send("Hi", { model: "some-future-model" })).json.max_tokens).toBe(4096);
  });

  it("call params are sent as the API names them; max_tokens given wins", async () => {
    const callParams = {
      max_tokens: 100,
      temperature: 0.2,
      top_p: 0.9,
      top_k: 40,
      stop_sequences: ["END"],
      metadata: { user_id: "u-1" },
      service_tier: "standard_only",
      tool_choice: { type: "auto", disable_parallel_tool_use: true },
    };
    const req = await send("Hi", { callParams });
    expect(req.json).toEqual({ model: "claude-haiku-4-5", messages: [{ role: "user", content: "Hi" }], ...callParams });
  });

  it("thinking: the config is sent and max_tokens leaves room beyond the budget", async () => {
    const req = await send("Hi", { callParams: { thinking: { type: "enabled", budget_tokens: 2048 } } });
    expect(req.json.thinking).toEqual({ type: "enabled", budget_tokens: 2048 });
    expect(req.json.max_tokens).toBe(2048 + 8192);
  });

  it("system messages go to the top-level system (joined), never into messages", async () => {
    const req = await send([
      { role: "system", content: "You are a librarian." },
      { role: "system", content: [{ type: "text", text: "Be brief." }] },
      { role: "user", content: "Recommend a book" },
    ]);
    expect(req.json.system).toBe("You are a librarian.\n\nBe brief.");
    expect(req.json.messages).toEqual([{ role: "user", content: "Recommend a book" }]);
  });

  it("cache_control: template {:cache_control} on system and user text becomes text blocks with cache_control", async () => {
    const tpl = promptTemplate("SYSTEM: {doc} {:cache_control} USER: {q} {:cache_control(type=ephemeral,ttl=1h)}");
    const req = await send(tpl({ doc: "Long document", q: "Question" }));
    expect(req.json.system).toEqual([{ type: "text", text: "Long document", cache_control: { type: "ephemeral" } }]);
    expect(req.json.messages).toEqual([
      { role: "user", content: [{ type: "text", text: "Question", cache_control: { type: "ephemeral", ttl: "1h" } }] },
    ]);
  });

  it("native system blocks with cache_control pass through", async () => {
    const req = await send([
      { role: "system", content: [{ type: "text", text: "Big", cache_control: { type: "ephemeral" } }] },
      { role: "user", content: "Q" },
    ]);
    expect(req.json.system).toEqual([{ type: "text", text: "Big", cache_control: { type: "ephemeral" } }]);
  });

  it("consecutive messages of one role are merged; tool results are user blocks placed first", async () => {
    const req = await send([
      { role: "user", content: "Part one" },
      { role: "user", content: [{ type: "text", text: "Part two" }] },
      { role: "assistant", content: [{ type: "tool_call", id: "toolu_1", name: "lookup", args: { q: "x" } }] },
      { role: "tool", content: [{ type: "tool_result", toolCallId: "toolu_1", name: "lookup", content: "42" }] },
      { role: "user", content: "And now?" },
    ]);
    expect(req.json.messages).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "Part one" },
          { type: "text", text: "Part two" },
        ],
      },
      { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "lookup", input: { q: "x" } }] },
      {
        role: "user",
        content: [
          { type: "tool_result", tool_use_id: "toolu_1", content: "42" },
          { type: "text", text: "And now?" },
        ],
      },
    ]);
  });

  it("neutral tool errors carry is_error; native messages pass through unchanged", async () => {
    const native = { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_9", content: [{ type: "text", text: "ok" }] }] };
    const req = await send([
      { role: "assistant", content: [{ type: "tool_use", id: "toolu_8", name: "f", input: {} }] },
      { role: "tool", content: [{ type: "tool_result", toolCallId: "toolu_8", name: "f", content: "boom", isError: true }] },
      { role: "assistant", content: [{ type: "tool_use", id: "toolu_9", name: "f", input: { a: 1 } }] },
      native,
    ]);
    expect(req.json.messages[1]).toEqual({
      role: "user",
      content: [{ type: "tool_result", tool_use_id: "toolu_8", content: "boom", is_error: true }],
    });
    expect(req.json.messages[3]).toEqual(native);
  });

  it("tools: name, description, input_schema; providerOptions.cacheControl becomes cache_control", async () => {
    const weather = defineTool({
      name: "get_weather",
      description: "Current weather",
      parameters: z.object({ city: z.string() }),
      call: () => "sunny",
    });
    const cached = defineTool({
      name: "search",
      description: "Search docs",
      parameters: z.object({ q: z.string() }),
      call: () => [],
      providerOptions: { cacheControl: { type: "ephemeral" } },
    });
    const req = await send("Hi", { tools: [weather, cached] });
    expect(req.json.tools).toEqual([
      {
        name: "get_weather",
        description: "Current weather",
        input_schema: weather.jsonSchema,
      },
      {
        name: "search",
        description: "Search docs",
        input_schema: cached.jsonSchema,
        cache_control: { type: "ephemeral" },
      },
    ]);
    expect(weather.jsonSchema).toMatchObject({ type: "object", properties: { city: { type: "string" } }, required: ["city"] });
    expect(req.json.tool_choice).toBeUndefined();
  });
});

describe("anthropic server tools", () => {
  it("native tool params in callParams.tools (server tools) are sent after the defined tools", async () => {
    const weather = defineTool({ name: "get_weather", description: "d", parameters: z.object({ city: z.string() }), call: () => 1 });
    const webSearch = { type: "web_search_20250305", name: "web_search", max_uses: 5 };
    const req = await send("News?", { tools: [weather], callParams: { tools: [webSearch] } });
    expect(req.json.tools).toEqual([{ name: "get_weather", description: "d", input_schema: weather.jsonSchema }, webSearch]);
    const only = await send("News?", { callParams: { tools: [webSearch] } });
    expect(only.json.tools).toEqual([webSearch]);
  });
});

describe("anthropic images and documents", () => {
  it("image bytes become a base64 source (no Buffer), URLs a url source", async () => {
    const req = await send([
      {
        role: "user",
        content: [
          { type: "image", mediaType: "image/png", data: PNG },
          { type: "image", mediaType: "image/jpeg", data: "/9j/4AAQ" },
          { type: "image", url: "https://example.com/cat.png" },
          { type: "text", text: "What is this?" },
        ],
      },
    ]);
    expect(req.json.messages[0].content).toEqual([
      { type: "image", source: { type: "base64", media_type: "image/png", data: PNG_BASE64 } },
      { type: "image", source: { type: "base64", media_type: "image/jpeg", data: "/9j/4AAQ" } },
      { type: "image", source: { type: "url", url: "https://example.com/cat.png" } },
      { type: "text", text: "What is this?" },
    ]);
  });

  it("large image bytes encode in slices to the same base64 as one pass", async () => {
    const big = new Uint8Array(200_000).map((_, i) => (i * 31) % 256);
    const req = await send([{ role: "user", content: [{ type: "image", mediaType: "image/png", data: big }] }]);
    const data: string = req.json.messages[0].content[0].source.data;
    const decoded = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    expect(decoded.length).toBe(big.length);
    expect(decoded.every((byte, i) => byte === big[i])).toBe(true);
  });

  it("PDF documents (bytes and URL) and plain-text documents become document blocks", async () => {
    const req = await send([
      {
        role: "user",
        content: [
          { type: "document", mediaType: "application/pdf", data: PDF, name: "report.pdf" },
          { type: "document", mediaType: "application/pdf", url: "https://example.com/paper.pdf" },
          { type: "document", mediaType: "text/plain", data: new TextEncoder().encode("plain words") },
          { type: "text", text: "Summarise" },
        ],
      },
    ]);
    const pdfBase64 = btoa(String.fromCharCode(...PDF));
    expect(req.json.messages[0].content).toEqual([
      { type: "document", source: { type: "base64", media_type: "application/pdf", data: pdfBase64 }, title: "report.pdf" },
      { type: "document", source: { type: "url", url: "https://example.com/paper.pdf" } },
      { type: "document", source: { type: "text", media_type: "text/plain", data: "plain words" } },
      { type: "text", text: "Summarise" },
    ]);
  });

  it("native image blocks pass through; audio is a clear error before any request", async () => {
    const native = { type: "image", source: { type: "base64", media_type: "image/gif", data: "R0lGOD" } };
    const req = await send([{ role: "user", content: [native, { type: "text", text: "?" }] }]);
    expect(req.json.messages[0].content[0]).toEqual(native);
    const fetch = createReplayFetch(fixtureResponse(TEXT));
    const call = anthropic.call({ model: "claude-haiku-4-5", client: { fetch, apiKey: "k" } }, () => [
      { role: "user" as const, content: [{ type: "audio" as const, mediaType: "audio/wav", data: "UklGRg==" }] },
    ]);
    const error = await call().catch((e: unknown) => e);
    expect(PromptcallError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/audio/);
    expect(fetch.requests).toHaveLength(0);
  });
});
