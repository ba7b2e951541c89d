// Request bodies the Google provider sends, checked against the Gemini API reference:
// https://ai.google.dev/api/generate-content (GenerateContentRequest, GenerationConfig),
// https://ai.google.dev/api/caching#Content (Content, Part, Blob, FileData, Tool, FunctionDeclaration, ToolConfig),
// https://ai.google.dev/gemini-api/docs/function-calling (functionResponse parts with role "user"),
// https://ai.google.dev/gemini-api/docs/structured-output (responseMimeType + responseJsonSchema).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, llm, type BaseMessageParam } from "../../src/index.ts";
import { readEnv } from "../../src/http/env.ts";
import { AuthenticationError } from "../../src/errors/authentication-error.ts";
import { google, type GoogleMessageParam } from "../../src/providers/google/index.ts";
import { createReplayFetch, fixtureResponse, type RecordedRequest } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";

const TEXT = fixtures["gemini/generate_text.json"];

const getWeather = defineTool({
  name: "get_weather",
  description: "Current weather for a city",
  parameters: z.object({ city: z.string(), unit: z.enum(["c", "f"]).optional() }),
  call: ({ city }) => ({ city, tempC: 21 }),
});

/** Makes one call answered by the text fixture and returns the recorded request. */
async function send(
  options: Record<string, unknown>,
  prompt: () => unknown,
  body: string = TEXT,
): Promise<RecordedRequest & { json: any }> {
  const fetch = createReplayFetch(fixtureResponse(body));
  const client = { fetch, apiKey: "test-key", ...(options.client as object | undefined) };
  const call = google.call({ model: "gemini-2.5-flash", retry: false, ...options, client } as any, prompt as any);
  const result = await (call as () => Promise<unknown>)();
  if (options.stream) for await (const _ of result as AsyncIterable<unknown>) void _;
  return fetch.requests[0] as RecordedRequest & { json: any };
}

describe("google: endpoint, headers and client", () => {
  it("posts to models/{model}:generateContent with the key in x-goog-api-key", async () => {
    const req = await send({}, () => "hi");
    expect(req.method).toBe("POST");
    expect(req.url).toBe("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent");
    expect(req.headers["x-goog-api-key"]).toBe("test-key");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.url).not.toContain("key=");
  });

  it("streams from :streamGenerateContent?alt=sse; accepts models/ names, baseURL and headers", async () => {
    const sse = fixtures["gemini/stream_text_usage_live.sse"];
    const req = await send(
      { model: "models/gemini-2.5-flash", stream: true, client: { baseURL: "https://proxy.example/v1beta/", headers: { "x-extra": "1" } } },
      () => "hi",
      sse,
    );
    expect(req.url).toBe("https://proxy.example/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
    expect(req.headers["x-extra"]).toBe("1");
  });

  it('llm.call reaches Gemini by name ("google/gemini-2.5-flash") with common fields', async () => {
    const fetch = createReplayFetch(fixtureResponse(TEXT));
    const r = await llm.call({ model: "google/gemini-2.5-flash", client: { fetch, apiKey: "k" } }, () => "hi")();
    expect(r.content).toBe("Hello! How can I help you today?");
    expect(r.finishReasons).toEqual(["stop"]);
    expect(fetch.requests[0].url).toContain("/models/gemini-2.5-flash:generateContent");
  });

  it("without an API key it fails before any request, naming GEMINI_API_KEY", async () => {
    const fetch = createReplayFetch(fixtureResponse(TEXT));
    const call = google.call({ model: "gemini-2.5-flash", client: { fetch } }, () => "hi");
    const envKey = readEnv("GEMINI_API_KEY") ?? readEnv("GOOGLE_API_KEY");
    if (envKey) {
      // This runtime has a key in its environment: it is used, and never shown in errors.
      await call();
      expect(fetch.requests[0].headers["x-goog-api-key"]).toBe(envKey);
      return;
    }
    const error = await call().catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain("GEMINI_API_KEY");
    expect(fetch.requests).toHaveLength(0);
  });
});

describe("google: contents, roles and system instruction", () => {
  it("a string prompt is one user content", async () => {
    const req = await send({}, () => "Recommend a book");
    expect(req.json).toEqual({ contents: [{ role: "user", parts: [{ text: "Recommend a book" }] }] });
  });

  it("system messages become systemInstruction; assistant → model; native contents pass through", async () => {
    const native: GoogleMessageParam = { role: "model", parts: [{ text: "Earlier answer", thoughtSignature: "sig-0" }] };
    const history: (BaseMessageParam | GoogleMessageParam)[] = [
      { role: "system", content: "You are a librarian." },
      { role: "user", content: "Hi" },
      { role: "assistant", content: "Hello!" },
      { role: "user", content: "More?" },
      native,
      { role: "user", content: [{ type: "text", text: "And?" }] },
    ];
    const req = await send({}, () => history);
    expect(req.json.systemInstruction).toEqual({ parts: [{ text: "You are a librarian." }] });
    expect(req.json.contents).toEqual([
      { role: "user", parts: [{ text: "Hi" }] },
      { role: "model", parts: [{ text: "Hello!" }] },
      { role: "user", parts: [{ text: "More?" }] },
      { role: "model", parts: [{ text: "Earlier answer", thoughtSignature: "sig-0" }] },
      { role: "user", parts: [{ text: "And?" }] },
    ]);
  });

  it("images, audio and PDFs: bytes → inlineData (base64, type sniffed when missing), URLs → fileData", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]);
    const req = await send({}, () => [
      {
        role: "user",
        content: [
          { type: "text", text: "Describe these" },
          { type: "image", mediaType: "image/png", data: png },
          { type: "audio", mediaType: "audio/wav", data: "UklGRg==" },
          { type: "document", mediaType: "application/pdf", url: "https://example.com/a.pdf" },
          { type: "image", url: "gs://bucket/cat.jpg" },
          { type: "image", data: png },
        ],
      },
    ]);
    expect(req.json.contents[0].parts).toEqual([
      { text: "Describe these" },
      { inlineData: { mimeType: "image/png", data: "iVBORw0KGgr/AA==" } },
      { inlineData: { mimeType: "audio/wav", data: "UklGRg==" } },
      { fileData: { mimeType: "application/pdf", fileUri: "https://example.com/a.pdf" } },
      { fileData: { fileUri: "gs://bucket/cat.jpg" } },
      { inlineData: { mimeType: "image/png", data: "iVBORw0KGgr/AA==" } },
    ]);
  });

  it("large byte arrays are encoded without overflowing the stack", async () => {
    const bytes = new Uint8Array(300_000).map((_, i) => i % 256);
    const req = await send({}, () => [{ role: "user", content: [{ type: "image", mediaType: "image/png", data: bytes }] }]);
    const data = req.json.contents[0].parts[0].inlineData.data as string;
    const decoded = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    expect(decoded.length).toBe(bytes.length);
    expect(decoded[123_457]).toBe(123_457 % 256);
  });

  it("neutral tool calls and results become functionCall / functionResponse parts, one user content", async () => {
    const req = await send({}, () => [
      { role: "user", content: "Weather in Paris and Oslo?" },
      {
        role: "assistant",
        content: [
          { type: "tool_call", id: "call_1", name: "get_weather", args: { city: "Paris" }, providerData: { thoughtSignature: "sig-A" } },
          { type: "tool_call", id: "fc-2", name: "get_weather", args: { city: "Oslo" }, providerData: { functionCallId: "fc-2" } },
        ],
      },
      { role: "tool", content: [{ type: "tool_result", toolCallId: "call_1", name: "get_weather", content: '{"tempC":21}' }] },
      { role: "tool", content: [{ type: "tool_result", toolCallId: "fc-2", name: "get_weather", content: "sunny", isError: true }] },
    ]);
    expect(req.json.contents).toEqual([
      { role: "user", parts: [{ text: "Weather in Paris and Oslo?" }] },
      {
        role: "model",
        parts: [
          { functionCall: { name: "get_weather", args: { city: "Paris" } }, thoughtSignature: "sig-A" },
          { functionCall: { name: "get_weather", args: { city: "Oslo" }, id: "fc-2" } },
        ],
      },
      {
        role: "user",
        parts: [
          { functionResponse: { name: "get_weather", response: { result: { tempC: 21 } } } },
          { functionResponse: { id: "fc-2", name: "get_weather", response: { error: "sunny" } } },
        ],
      },
    ]);
  });

  it("thinking from other providers is not sent; Gemini thinking goes back as a signed thought part", async () => {
    const req = await send({}, () => [
      { role: "user", content: "Q" },
      {
        role: "assistant",
        content: [
          { type: "thinking", thinking: "Anthropic thoughts", signature: "anthropic-sig" },
          { type: "thinking", thinking: "Gemini summary", signature: "g-sig", providerData: { provider: "google" } },
          { type: "thinking", thinking: "", signature: "text-sig", providerData: { provider: "google", attachedTo: "text" } },
          { type: "text", text: "Answer" },
        ],
      },
      { role: "user", content: "Thanks" },
    ]);
    expect(req.json.contents[1]).toEqual({
      role: "model",
      parts: [
        { text: "Gemini summary", thought: true, thoughtSignature: "g-sig" },
        { text: "Answer", thoughtSignature: "text-sig" },
      ],
    });
  });
});

describe("google: generationConfig, safetySettings, toolConfig and tools", () => {
  it("flat call params go to generationConfig; the rest to the top level", async () => {
    const callParams = {
      temperature: 0.2,
      topP: 0.9,
      topK: 40,
      maxOutputTokens: 256,
      stopSequences: ["END"],
      candidateCount: 1,
      seed: 7,
      presencePenalty: 0.1,
      frequencyPenalty: 0.2,
      thinkingConfig: { thinkingBudget: 0, includeThoughts: false },
      generationConfig: { responseLogprobs: true },
      safetySettings: [{ category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_ONLY_HIGH" }],
      toolConfig: { functionCallingConfig: { mode: "NONE" as const } },
      cachedContent: "cachedContents/abc",
    };
    const req = await send({ callParams }, () => "hi");
    expect(req.json.generationConfig).toEqual({
      responseLogprobs: true,
      temperature: 0.2,
      topP: 0.9,
      topK: 40,
      maxOutputTokens: 256,
      stopSequences: ["END"],
      candidateCount: 1,
      seed: 7,
      presencePenalty: 0.1,
      frequencyPenalty: 0.2,
      thinkingConfig: { thinkingBudget: 0, includeThoughts: false },
    });
    expect(req.json.safetySettings).toEqual(callParams.safetySettings);
    expect(req.json.toolConfig).toEqual({ functionCallingConfig: { mode: "NONE" } });
    expect(req.json.cachedContent).toBe("cachedContents/abc");
  });

  it("tools are one functionDeclarations tool with parametersJsonSchema; built-in tools sit beside it", async () => {
    const req = await send(
      {
        tools: [getWeather],
        callParams: {
          tools: [{ googleSearch: {} }],
          toolConfig: { functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["get_weather"] } },
        },
      },
      () => "weather?",
    );
    expect(req.json.tools).toHaveLength(2);
    const [decl] = req.json.tools[0].functionDeclarations;
    expect(decl.name).toBe("get_weather");
    expect(decl.description).toBe("Current weather for a city");
    expect(decl.parametersJsonSchema.type).toBe("object");
    expect(decl.parametersJsonSchema.properties.city).toEqual({ type: "string" });
    expect(decl.parametersJsonSchema.required).toEqual(["city"]);
    expect(decl.parametersJsonSchema.$schema).toBeUndefined();
    expect(decl.parameters).toBeUndefined();
    expect(req.json.tools[1]).toEqual({ googleSearch: {} });
    expect(req.json.toolConfig).toEqual({ functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["get_weather"] } });
  });

  it('schemaFormat "openapi" sends the OpenAPI subset in parameters (unsupported keys dropped)', async () => {
    const nullable = defineTool({
      name: "lookup",
      description: "Look up",
      parameters: {
        type: "object",
        additionalProperties: false,
        properties: { q: { type: ["string", "null"], const: "x" } },
        required: ["q"],
      },
      call: () => 1,
    });
    const req = await send({ tools: [nullable], schemaFormat: "openapi" }, () => "go");
    const [decl] = req.json.tools[0].functionDeclarations;
    expect(decl.parametersJsonSchema).toBeUndefined();
    expect(decl.parameters).toEqual({
      type: "object",
      properties: { q: { type: "string", nullable: true, enum: ["x"] } },
      required: ["q"],
    });
  });
});

describe("google: jsonMode and responseModel", () => {
  const Book = z.object({ title: z.string(), year: z.number() });
  const bookBody = (text: string) =>
    JSON.stringify({
      candidates: [{ content: { role: "model", parts: [{ text }] }, finishReason: "STOP", index: 0 }],
      modelVersion: "gemini-2.5-flash",
      responseId: "r1",
    });

  it("jsonMode sets responseMimeType application/json", async () => {
    const req = await send({ jsonMode: true }, () => "a book as JSON");
    expect(req.json.generationConfig).toEqual({ responseMimeType: "application/json" });
  });

  it("responseModel (auto) uses responseJsonSchema with the JSON MIME type and parses the text", async () => {
    const fetch = createReplayFetch(fixtureResponse(bookBody('{"title":"Dune","year":1965}')));
    const book = await google.call({ model: "gemini-2.5-flash", responseModel: Book, client: { fetch, apiKey: "k" } }, () => "a book")();
    expect(book).toEqual({ title: "Dune", year: 1965 });
    const config = fetch.requests[0].json as any;
    expect(config.generationConfig.responseMimeType).toBe("application/json");
    expect(config.generationConfig.responseJsonSchema.properties.title).toEqual({ type: "string" });
    expect(config.generationConfig.responseJsonSchema.$schema).toBeUndefined();
  });

  it('structuredOutputMode "tool" forces the format function with functionCallingConfig ANY', async () => {
    const body = JSON.stringify({
      candidates: [
        {
          content: { role: "model", parts: [{ functionCall: { name: "response", args: { title: "Emma", year: 1815 } } }] },
          finishReason: "STOP",
        },
      ],
      modelVersion: "gemini-2.5-flash",
    });
    const fetch = createReplayFetch(fixtureResponse(body));
    const book = await google.call(
      { model: "gemini-2.5-flash", responseModel: Book, structuredOutputMode: "tool", client: { fetch, apiKey: "k" } },
      () => "a book",
    )();
    expect(book).toEqual({ title: "Emma", year: 1815 });
    const json = fetch.requests[0].json as any;
    expect(json.tools[0].functionDeclarations[0].name).toBe("response");
    expect(json.toolConfig).toEqual({ functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["response"] } });
    expect(json.generationConfig).toBeUndefined();
  });

  it('structuredOutputMode "json" asks for JSON in the system instruction', async () => {
    const fetch = createReplayFetch(fixtureResponse(bookBody('Sure: {"title":"Ulysses","year":1922}')));
    const book = await google.call(
      { model: "gemini-2.5-flash", responseModel: Book, structuredOutputMode: "json", client: { fetch, apiKey: "k" } },
      () => "a book",
    )();
    expect(book).toEqual({ title: "Ulysses", year: 1922 });
    const json = fetch.requests[0].json as any;
    expect(json.generationConfig).toEqual({ responseMimeType: "application/json" });
    expect(json.systemInstruction.parts[0].text).toContain('"title"');
  });

  it("a streamed responseModel yields partial objects from the text deltas", async () => {
    const events = ['{"title":"Du', 'ne","ye', 'ar":1965}'].map(
      (text, i) =>
        `data: ${JSON.stringify({ candidates: [{ content: { role: "model", parts: [{ text }] }, index: 0, ...(i === 2 ? { finishReason: "STOP" } : {}) }], responseId: "s1" })}\r\n\r\n`,
    );
    const fetch = createReplayFetch({ body: events });
    const s = await google.call(
      { model: "gemini-2.5-flash", stream: true, responseModel: Book, client: { fetch, apiKey: "k" } },
      () => "a book",
    )();
    const partials: unknown[] = [];
    for await (const partial of s) partials.push(partial);
    expect(partials.length).toBeGreaterThan(1);
    expect(await s.final()).toEqual({ title: "Dune", year: 1965 });
  });
});
