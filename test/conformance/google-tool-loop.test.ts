// Tool loops against replayed Gemini responses, and thought signatures going back.
// Response bodies are built from the docs, not recorded:
// - https://ai.google.dev/gemini-api/docs/thought-signatures: with parallel function calls only the first
//   functionCall part carries the `thoughtSignature`; every signature goes back exactly as received, on
//   the same part, and the function responses follow in one "user" content.
// - https://ai.google.dev/gemini-api/docs/thinking: thought summaries are text parts with `thought: true`
//   (with `thinkingConfig.includeThoughts`); in a stream the text of a part may come in pieces and its
//   signature on a later, possibly empty, piece.
// - https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent: each SSE event is a
//   whole GenerateContentResponse.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool } from "../../src/index.ts";
import { google, GoogleTool } from "../../src/providers/google/index.ts";
import { createReplayFetch, fixtureResponse } from "../../src/testing/replay-fetch.ts";

const getWeather = defineTool({
  name: "get_weather",
  description: "Current weather for a city",
  parameters: z.object({ city: z.string() }),
  call: ({ city }) => ({ city, tempC: city === "Paris" ? 21 : 9 }),
});

const USAGE = { promptTokenCount: 30, candidatesTokenCount: 12, thoughtsTokenCount: 40, totalTokenCount: 82 };

const parallelCalls = {
  candidates: [
    {
      content: {
        role: "model",
        parts: [
          { functionCall: { name: "get_weather", args: { city: "Paris" } }, thoughtSignature: "<Signature_A>" },
          { functionCall: { name: "get_weather", args: { city: "Oslo" } } },
        ],
      },
      finishReason: "STOP",
      index: 0,
    },
  ],
  usageMetadata: USAGE,
  modelVersion: "gemini-3-flash-preview",
  responseId: "turn-1",
};

const finalAnswer = {
  candidates: [{ content: { role: "model", parts: [{ text: "Paris 21C, Oslo 9C." }] }, finishReason: "STOP", index: 0 }],
  usageMetadata: { promptTokenCount: 60, candidatesTokenCount: 8, totalTokenCount: 68 },
  modelVersion: "gemini-3-flash-preview",
  responseId: "turn-2",
};

const sse = (events: object[]) => events.map((e) => `data: ${JSON.stringify(e)}\r\n\r\n`).join("");

function ask(fetch: ReturnType<typeof createReplayFetch>) {
  return google.call({ model: "gemini-3-flash-preview", tools: [getWeather], client: { fetch, apiKey: "k" } }, (q: string) => q);
}

function askStream(fetch: ReturnType<typeof createReplayFetch>) {
  return google.call(
    { model: "gemini-3-flash-preview", tools: [getWeather], stream: true, client: { fetch, apiKey: "k" } },
    (q: string) => q,
  );
}

describe("google: a two-turn tool loop round-trips thought signatures", () => {
  it("resume sends the model's parts as received and the function responses in one user content", async () => {
    const fetch = createReplayFetch([fixtureResponse(JSON.stringify(parallelCalls)), fixtureResponse(JSON.stringify(finalAnswer))]);
    const r = await google.call(
      { model: "gemini-3-flash-preview", tools: [getWeather], client: { fetch, apiKey: "k" } },
      (q: string) => q,
    )("Weather in Paris and Oslo?");
    expect(r.commonFinishReasons).toEqual(["tool_calls"]);
    expect(r.finishReasons).toEqual(["STOP"]);
    expect(r.tools.map((t) => t.args.city)).toEqual(["Paris", "Oslo"]);
    expect(r.tools[0].toolCall.providerData?.thoughtSignature).toBe("<Signature_A>");
    expect(r.tools[1].toolCall.providerData?.thoughtSignature).toBeUndefined();
    expect(r.tools[0]).toBeInstanceOf(GoogleTool);
    expect((r.tools[0] as GoogleTool).thoughtSignature).toBe("<Signature_A>");
    expect(r.tools[0].id).not.toBe(r.tools[1].id);
    expect(r.usage).toEqual({ inputTokens: 30, outputTokens: 52, cachedTokens: 0, totalTokens: 82, reasoningTokens: 40 });

    const outputs = await r.executeTools();
    const next = await r.resume(outputs);
    expect(next.content).toBe("Paris 21C, Oslo 9C.");
    expect(next.commonFinishReasons).toEqual(["stop"]);

    const second = fetch.requests[1].json as any;
    expect(second.contents).toEqual([
      { role: "user", parts: [{ text: "Weather in Paris and Oslo?" }] },
      parallelCalls.candidates[0].content,
      {
        role: "user",
        parts: [
          { functionResponse: { name: "get_weather", response: { result: { city: "Paris", tempC: 21 } } } },
          { functionResponse: { name: "get_weather", response: { result: { city: "Oslo", tempC: 9 } } } },
        ],
      },
    ]);
    expect(second.tools[0].functionDeclarations[0].name).toBe("get_weather");
  });

  it("the provider-neutral history keeps the signature too (commonMessageParam → next request)", async () => {
    const fetch = createReplayFetch([fixtureResponse(JSON.stringify(parallelCalls)), fixtureResponse(JSON.stringify(finalAnswer))]);
    const first = await ask(fetch)("Weather?");
    const outputs = await first.executeTools();
    const neutral = first.commonMessageParam;
    expect(neutral.role).toBe("assistant");
    expect(Array.isArray(neutral.content) && neutral.content[0]).toMatchObject({
      type: "tool_call",
      name: "get_weather",
      providerData: { thoughtSignature: "<Signature_A>" },
    });
    const history = [{ role: "user" as const, content: "Weather?" }, neutral, ...first.commonToolMessageParams(outputs)];
    await google.call({ model: "gemini-3-flash-preview", client: { fetch, apiKey: "k" } }, () => history)();
    const second = fetch.requests[1].json as any;
    expect(second.contents[1]).toEqual(parallelCalls.candidates[0].content);
    expect(second.contents[2].parts.map((p: any) => p.functionResponse.response.result.tempC)).toEqual([21, 9]);
  });

  it("function call ids Gemini sends are kept as tool ids and echoed in the function responses", async () => {
    const withIds = structuredClone(parallelCalls) as any;
    withIds.candidates[0].content.parts[0].functionCall.id = "fc-paris";
    withIds.candidates[0].content.parts[1].functionCall.id = "fc-oslo";
    const fetch = createReplayFetch([fixtureResponse(JSON.stringify(withIds)), fixtureResponse(JSON.stringify(finalAnswer))]);
    const r = await ask(fetch)("Weather?");
    expect(r.tools.map((t) => t.id)).toEqual(["fc-paris", "fc-oslo"]);
    await r.resume(await r.executeTools());
    const parts = (fetch.requests[1].json as any).contents[2].parts;
    expect(parts.map((p: any) => p.functionResponse.id)).toEqual(["fc-paris", "fc-oslo"]);
  });

  it("streamed: thoughts, a signed call and usage; the next request carries the signature", async () => {
    const stream = sse([
      {
        candidates: [{ content: { role: "model", parts: [{ text: "Need the weather", thought: true }] }, index: 0 }],
        responseId: "s-1",
        modelVersion: "gemini-3-flash-preview",
        usageMetadata: { promptTokenCount: 30, totalTokenCount: 30 },
      },
      {
        candidates: [{ content: { role: "model", parts: [{ text: " for Paris.", thought: true }] }, index: 0 }],
        responseId: "s-1",
        modelVersion: "gemini-3-flash-preview",
        usageMetadata: { promptTokenCount: 30, thoughtsTokenCount: 20, totalTokenCount: 50 },
      },
      {
        candidates: [
          {
            content: {
              role: "model",
              parts: [{ functionCall: { name: "get_weather", args: { city: "Paris" } }, thoughtSignature: "<Signature_S>" }],
            },
            index: 0,
          },
        ],
        responseId: "s-1",
        modelVersion: "gemini-3-flash-preview",
        usageMetadata: { promptTokenCount: 30, candidatesTokenCount: 6, thoughtsTokenCount: 40, totalTokenCount: 76 },
      },
      {
        candidates: [{ content: { role: "model", parts: [{ text: "" }] }, finishReason: "STOP", index: 0 }],
        responseId: "s-1",
        modelVersion: "gemini-3-flash-preview",
        usageMetadata: USAGE,
      },
    ]);
    const fetch = createReplayFetch([
      { body: stream, chunking: { seed: 3, maxChunkSize: 11 } },
      fixtureResponse(JSON.stringify(finalAnswer)),
    ]);
    const s = await askStream(fetch)("Weather in Paris?");
    const yielded: string[] = [];
    for await (const [chunk, tool] of s) {
      expect(chunk.content).toBe("");
      if (tool) yielded.push(`${tool.name}:${tool.args.city}`);
    }
    expect(yielded).toEqual(["get_weather:Paris"]);
    expect(s.content).toBe("");
    expect(s.thinking).toBe("Need the weather for Paris.");
    expect(s.finishReasons).toEqual(["STOP"]);
    expect(s.commonFinishReasons).toEqual(["tool_calls"]);
    expect(s.usage).toEqual({ inputTokens: 30, outputTokens: 52, cachedTokens: 0, totalTokens: 82, reasoningTokens: 40 });
    expect(s.messageParam).toEqual({
      role: "model",
      parts: [
        { text: "Need the weather for Paris.", thought: true },
        { functionCall: { name: "get_weather", args: { city: "Paris" } }, thoughtSignature: "<Signature_S>" },
        { text: "" },
      ],
    });

    const response = s.constructCallResponse();
    expect(response.tools[0].id).toBe(s.tools[0].id);
    expect(response.usage).toEqual(s.usage);
    expect(response.commonFinishReasons).toEqual(["tool_calls"]);
    const outputs = await s.executeTools();
    const history = [{ role: "user" as const, content: "Weather in Paris?" }, s.messageParam, ...s.toolMessageParams(outputs)];
    const next = await google.call(
      { model: "gemini-3-flash-preview", tools: [getWeather], client: { fetch, apiKey: "k" } },
      () => history,
    )();
    expect(next.content).toBe("Paris 21C, Oslo 9C.");
    const second = fetch.requests[1].json as any;
    expect(second.contents[1].parts[1]).toEqual({
      functionCall: { name: "get_weather", args: { city: "Paris" } },
      thoughtSignature: "<Signature_S>",
    });
    expect(second.contents[2]).toEqual({
      role: "user",
      parts: [{ functionResponse: { name: "get_weather", response: { result: { city: "Paris", tempC: 21 } } } }],
    });
  });

  it("streamed text whose signature arrives on a later empty piece keeps it on the joined text part", async () => {
    const stream = sse([
      { candidates: [{ content: { role: "model", parts: [{ text: "Hel" }] }, index: 0 }], responseId: "t" },
      { candidates: [{ content: { role: "model", parts: [{ text: "lo" }] }, index: 0 }], responseId: "t" },
      {
        candidates: [{ content: { role: "model", parts: [{ text: "", thoughtSignature: "<Sig_T>" }] }, finishReason: "STOP", index: 0 }],
        responseId: "t",
      },
    ]);
    const fetch = createReplayFetch({ body: stream });
    const s = await askStream(fetch)("hi");
    for await (const _ of s) void _;
    expect(s.content).toBe("Hello");
    expect(s.messageParam).toEqual({ role: "model", parts: [{ text: "Hello", thoughtSignature: "<Sig_T>" }] });
    expect(s.commonMessageParam).toEqual({
      role: "assistant",
      content: [
        { type: "thinking", thinking: "", signature: "<Sig_T>", providerData: { provider: "google", attachedTo: "text" } },
        { type: "text", text: "Hello" },
      ],
    });
  });
});
