// Runs the samples of docs/providers-google.md verbatim against recorded Gemini responses (adapted
// where a sample asks for function calls, JSON or an error the recordings do not have).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, image, messages, PromptBlockedError, RateLimitError } from "promptcall";
import { google as realGoogle } from "promptcall/google";
import { createReplayFetch, type ReplayResponse } from "promptcall/testing";
import { fixtures } from "../fixtures/index.ts";
import { pngBytes, replayed, weatherTool } from "./support/docs-support.ts";

/** The recorded generateContent answer with `parts` as its content. */
function answerWith(parts: unknown[]): ReplayResponse {
  const body = JSON.parse(fixtures["gemini/generate_text.json"]);
  body.candidates[0].content.parts = parts;
  return { body: JSON.stringify(body) };
}

/** The recorded stream's first event as a template: one event per list of parts, the last one finishing. */
function streamOf(partsPerEvent: unknown[][]): string {
  const template = JSON.parse(fixtures["gemini/stream_text_usage_live.sse"].split(/\r?\n/)[0].slice("data: ".length));
  return partsPerEvent
    .map((parts, i) => {
      const candidate = { ...template.candidates[0], content: { role: "model", parts } };
      if (i === partsPerEvent.length - 1) candidate.finishReason = "STOP";
      return `data: ${JSON.stringify({ ...template, candidates: [candidate] })}\n\n`;
    })
    .join("");
}

type Body = {
  contents: { role: string; parts: unknown[] }[];
  systemInstruction?: unknown;
  generationConfig?: Record<string, unknown>;
  tools?: unknown[];
  safetySettings?: unknown[];
};
const geminiText = "Hello! How can I help you today?";
const textAnswer = { body: fixtures["gemini/generate_text.json"] };

describe("docs/providers-google.md", () => {
  it("a call and its response", async () => {
    const replay = createReplayFetch(textAnswer);
    const google = replayed(realGoogle, replay, "gemini-test-key");

    const recommendBook = google.call({ model: "gemini-2.5-flash" }, (genre: string) => `Recommend a ${genre} book`);
    const response = await recommendBook("fantasy");
    response.content; // "…"
    response.finishReasons; // ["STOP"]
    response.usage; // { inputTokens, outputTokens, cachedTokens, totalTokens, reasoningTokens }
    response.cost; // USD, from the built-in price table
    response.messageParam; // { role: "model", parts: [...] } — exactly as received

    expect(response.content).toBe(geminiText);
    expect(response.finishReasons).toEqual(["STOP"]);
    expect(response.usage).toEqual({ inputTokens: 9, outputTokens: 43, cachedTokens: 0, totalTokens: 52, reasoningTokens: 34 });
    expect(response.cost).toBeCloseTo((9 * 0.3 + 43 * 2.5) / 1e6, 12);
    expect(response.messageParam).toEqual({ role: "model", parts: [{ text: geminiText }] });
    expect(replay.requests[0].url).toBe("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent");
    expect(replay.requests[0].headers["x-goog-api-key"]).toBe("gemini-test-key");
  });

  it("call params: generationConfig, safety settings and built-in tools", async () => {
    const replay = createReplayFetch(textAnswer);
    const google = replayed(realGoogle, replay, "gemini-test-key");

    const call = google.call(
      {
        model: "gemini-2.5-flash",
        callParams: {
          temperature: 0.2,
          maxOutputTokens: 1024,
          stopSequences: ["END"],
          thinkingConfig: { thinkingBudget: 1024, includeThoughts: true }, // Gemini 3: { thinkingLevel: "low" }
          safetySettings: [{ category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_ONLY_HIGH" }],
          tools: [{ googleSearch: {} }],
        },
      },
      (q: string) => q,
    );

    await call("Hi");
    const sent = replay.requests[0].json as Body;
    expect(sent.generationConfig).toEqual({
      temperature: 0.2,
      maxOutputTokens: 1024,
      stopSequences: ["END"],
      thinkingConfig: { thinkingBudget: 1024, includeThoughts: true },
    });
    expect(sent.safetySettings).toEqual([{ category: "HARM_CATEGORY_HARASSMENT", threshold: "BLOCK_ONLY_HIGH" }]);
    expect(sent.tools).toEqual([{ googleSearch: {} }]);
  });

  it("messages: a system instruction and image bytes", async () => {
    const replay = createReplayFetch(textAnswer);
    const google = replayed(realGoogle, replay, "gemini-test-key");

    const describe = google.call({ model: "gemini-2.5-flash" }, (bytes: Uint8Array) => [
      messages.system("Answer in one sentence."),
      messages.user("What is in this picture?", image(bytes)),
    ]);

    await describe(pngBytes);
    const sent = replay.requests[0].json as Body;
    expect(sent.systemInstruction).toEqual({ parts: [{ text: "Answer in one sentence." }] });
    expect(sent.contents).toEqual([
      {
        role: "user",
        parts: [
          { text: "What is in this picture?" },
          { inlineData: { mimeType: "image/png", data: btoa(String.fromCharCode(...pngBytes)) } },
        ],
      },
    ]);
  });

  it("tools, with thought signatures sent back as received", async () => {
    const calls = [
      { functionCall: { name: "get_weather", args: { city: "Paris" } }, thoughtSignature: "c2lnLTE=" },
      { functionCall: { name: "get_weather", args: { city: "Oslo" } } },
    ];
    const replay = createReplayFetch([answerWith(calls), textAnswer]);
    const google = replayed(realGoogle, replay, "gemini-test-key");

    const getWeather = defineTool({
      name: "get_weather",
      description: "Current weather for a city",
      parameters: z.object({ city: z.string() }),
      call: async ({ city }) => ({ city, tempC: 21 }),
    });

    const ask = google.call({ model: "gemini-3-flash-preview", tools: [getWeather] }, (q: string) => q);
    const r = await ask("Weather in Paris and Oslo?");
    r.commonFinishReasons; // ["tool_calls"]  (Gemini itself says "STOP")
    const outputs = await r.executeTools();
    const next = await r.resume(outputs);

    expect(r.commonFinishReasons).toEqual(["tool_calls"]);
    expect(r.finishReasons).toEqual(["STOP"]);
    expect(outputs.map(([, output]) => output)).toEqual([
      { city: "Paris", tempC: 21 },
      { city: "Oslo", tempC: 21 },
    ]);
    expect(next.content).toBe(geminiText);
    const first = replay.requests[0].json as Body;
    expect(first.tools).toEqual([
      {
        functionDeclarations: [
          expect.objectContaining({ name: "get_weather", parametersJsonSchema: expect.objectContaining({ type: "object" }) }),
        ],
      },
    ]);
    const second = replay.requests[1].json as Body;
    expect(second.contents.slice(1)).toEqual([
      { role: "model", parts: calls },
      {
        role: "user",
        parts: [
          { functionResponse: { name: "get_weather", response: { result: { city: "Paris", tempC: 21 } } } },
          { functionResponse: { name: "get_weather", response: { result: { city: "Oslo", tempC: 21 } } } },
        ],
      },
    ]);
  });

  it("a stream with a function call", async () => {
    const body = streamOf([
      [{ text: "Let me " }],
      [{ text: "check. " }],
      [{ functionCall: { name: "get_weather", args: { city: "Paris" } } }],
    ]);
    const replay = createReplayFetch({ body, chunking: { seed: 11, maxChunkSize: 33 } });
    const google = replayed(realGoogle, replay, "gemini-test-key");
    const getWeather = weatherTool();
    let written = "";
    const process = { stdout: { write: (text: string) => (written += text) } };

    const stream = await google.call({ model: "gemini-2.5-flash", stream: true, tools: [getWeather] }, (q: string) => q)("Paris?");
    for await (const [chunk, tool] of stream) {
      process.stdout.write(chunk.content); // answer text only
      if (tool) await tool.call(); // function calls arrive whole
    }
    stream.thinking; // thought summaries (with includeThoughts), not in content
    stream.messageParam; // parts as received: text pieces joined, signatures kept
    stream.constructCallResponse(); // a GoogleCallResponse shaped like generateContent's answer

    expect(written).toBe("Let me check. ");
    expect(stream.thinking).toBe("");
    expect(stream.tools.map((t) => t.args)).toEqual([{ city: "Paris" }]);
    expect(stream.messageParam).toEqual({
      role: "model",
      parts: [{ text: "Let me check. " }, { functionCall: { name: "get_weather", args: { city: "Paris" } } }],
    });
    expect(stream.constructCallResponse().commonFinishReasons).toEqual(["tool_calls"]);
    expect(replay.requests[0].url).toBe(
      "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
    );
  });

  it("structured output through responseJsonSchema", async () => {
    const replay = createReplayFetch(answerWith([{ text: '{"title":"Middlemarch","year":1871}' }]));
    const google = replayed(realGoogle, replay, "gemini-test-key");

    const Book = z.object({ title: z.string(), year: z.number() });
    const book = await google.call({ model: "gemini-2.5-flash", responseModel: Book }, () => "A classic novel")();

    expect(book).toEqual({ title: "Middlemarch", year: 1871 });
    expect((replay.requests[0].json as Body).generationConfig).toMatchObject({
      responseMimeType: "application/json",
      responseJsonSchema: { type: "object", properties: { title: { type: "string" }, year: { type: "number" } } },
    });
  });

  it("blocked prompts and rate limits", async () => {
    const blocked: ReplayResponse = {
      body: JSON.stringify({ promptFeedback: { blockReason: "PROHIBITED_CONTENT" }, modelVersion: "gemini-2.5-flash" }),
    };
    const limited: ReplayResponse = {
      status: 429,
      body: JSON.stringify({
        error: {
          code: 429,
          message: "Resource has been exhausted (e.g. check quota).",
          status: "RESOURCE_EXHAUSTED",
          details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "0.005s" }],
        },
      }),
    };
    const notFound: ReplayResponse = { status: 404, body: fixtures["gemini/error_404_not_found.json"] };
    const logged: unknown[][] = [];
    const console = { log: (...values: unknown[]) => logged.push(values) };
    const thrown: unknown[] = [];

    for (const answer of [blocked, limited, notFound]) {
      const replay = createReplayFetch(() => answer);
      const google = replayed(realGoogle, replay, "gemini-test-key");
      const ask = google.call({ model: "gemini-2.5-flash" }, (q: string) => q);
      await (async () => {
        try {
          await ask("…");
        } catch (error) {
          if (PromptBlockedError.isInstance(error)) console.log("blocked:", error.blockReason);
          else if (RateLimitError.isInstance(error)) console.log("retry in", error.retryAfterMs, "ms");
          else throw error;
        }
      })().catch((error: unknown) => thrown.push(error));
    }

    expect(logged).toEqual([
      ["blocked:", "PROHIBITED_CONTENT"],
      ["retry in", 5, "ms"],
    ]);
    expect(thrown).toEqual([expect.objectContaining({ name: "NotFoundError", status: 404 })]);
  });
});
