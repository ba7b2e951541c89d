// Runs the samples of docs/providers-anthropic.md verbatim against recorded Messages API responses
// (adapted where a sample asks for a tool, thinking or JSON the recordings do not have).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, document, image, messages, promptTemplate } from "promptcall";
import { anthropic as realAnthropic } from "promptcall/anthropic";
import { createReplayFetch, type ReplayResponse } from "promptcall/testing";
import { fixtures } from "../fixtures/index.ts";
import { pngBytes, replayed } from "./support/docs-support.ts";

/** The recorded tool_use message with `content` as its blocks. */
function message(content: unknown[]): ReplayResponse {
  const body = JSON.parse(fixtures["anthropic/tool_use.json"]);
  body.content = content;
  return { body: JSON.stringify(body) };
}

type Body = {
  system?: unknown;
  tools?: unknown[];
  messages: { role: string; content: unknown }[];
  max_tokens?: number;
  tool_choice?: { name: string };
};
const claudeText = "Hi there! How are you doing today? Is there anything I can help you with?";
const textAnswer = { body: fixtures["anthropic/text.json"] };

describe("docs/providers-anthropic.md", () => {
  it("a call and its response", async () => {
    const replay = createReplayFetch(textAnswer);
    const anthropic = replayed(realAnthropic, replay, "sk-ant-test");

    const recommendBook = anthropic.call({ model: "claude-haiku-4-5" }, (genre: string) => `Recommend a ${genre} book`);
    const response = await recommendBook("fantasy"); // AnthropicCallResponse
    response.content; // the text blocks, joined
    response.finishReasons; // ["end_turn"] — Anthropic's stop_reason
    response.commonFinishReasons; // ["stop"]
    response.usage; // { inputTokens, outputTokens, cachedTokens, cacheWriteTokens, totalTokens }
    response.cost; // USD, cache reads and writes priced at their own rates
    response.messageParam; // { role: "assistant", content: [...every block as received] }
    response.raw; // the Messages API JSON

    expect(response.content).toBe(claudeText);
    expect(response.finishReasons).toEqual(["end_turn"]);
    expect(response.commonFinishReasons).toEqual(["stop"]);
    expect(response.usage).toEqual({ inputTokens: 8, outputTokens: 21, cachedTokens: 0, cacheWriteTokens: 0, totalTokens: 29 });
    expect(response.cost).toBeCloseTo((8 * 1 + 21 * 5) / 1e6, 12);
    expect(response.messageParam).toEqual({ role: "assistant", content: [{ type: "text", text: claudeText }] });
    expect(replay.requests[0].url).toBe("https://api.anthropic.com/v1/messages");
    expect(replay.requests[0].headers["anthropic-version"]).toBe("2023-06-01");
    expect(replay.requests[0].json).toMatchObject({
      model: "claude-haiku-4-5",
      max_tokens: 8192,
      messages: [{ role: "user", content: "Recommend a fantasy book" }],
    });
  });

  it("a key the user typed in, sent from the page", async () => {
    const replay = createReplayFetch(textAnswer);
    const anthropic = replayed(realAnthropic, replay, "sk-ant-test");
    const userKey = "sk-ant-typed-by-the-user";

    const call = anthropic.call(
      {
        model: "claude-sonnet-4-5",
        client: { apiKey: userKey, dangerouslyAllowBrowser: true, anthropicBeta: ["interleaved-thinking-2025-05-14"] },
      },
      () => "Hello",
    );

    await call();
    expect(replay.requests[0].headers).toMatchObject({
      "x-api-key": userKey,
      "anthropic-dangerous-direct-browser-access": "true",
      "anthropic-beta": "interleaved-thinking-2025-05-14",
    });
  });

  it("images and PDFs", async () => {
    const replay = createReplayFetch(textAnswer);
    const anthropic = replayed(realAnthropic, replay, "sk-ant-test");

    const describe = anthropic.call({ model: "claude-sonnet-4-5" }, (png: Uint8Array, pdfUrl: string) => [
      messages.user("Compare the chart with the report.", image(png), document(pdfUrl, "application/pdf")),
    ]);

    await describe(pngBytes, "https://example.com/report.pdf");
    expect((replay.requests[0].json as Body).messages).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "Compare the chart with the report." },
          { type: "image", source: { type: "base64", media_type: "image/png", data: btoa(String.fromCharCode(...pngBytes)) } },
          { type: "document", source: { type: "url", url: "https://example.com/report.pdf" } },
        ],
      },
    ]);
  });

  it("prompt caching: a template marker and a tool option", async () => {
    const replay = createReplayFetch(textAnswer);
    const anthropic = replayed(realAnthropic, replay, "sk-ant-test");
    const lookup = (q: string) => `Section 4 covers ${q}.`;
    const longManual = "The manual. ".repeat(200);

    const ask = promptTemplate("SYSTEM: {manual} {:cache_control} USER: {question}");
    const search = defineTool({
      name: "search",
      description: "Search the manual",
      parameters: z.object({ q: z.string() }),
      call: ({ q }) => lookup(q),
      providerOptions: { cacheControl: { type: "ephemeral", ttl: "1h" } },
    });
    const answer = anthropic.call({ model: "claude-sonnet-4-5", tools: [search] }, (q: string) => ask({ manual: longManual, question: q }));

    await answer("How do I reset it?");
    const sent = replay.requests[0].json as Body;
    expect(sent.system).toEqual([{ type: "text", text: longManual.trim(), cache_control: { type: "ephemeral" } }]);
    expect(sent.messages).toEqual([{ role: "user", content: "How do I reset it?" }]);
    expect(sent.tools).toEqual([expect.objectContaining({ name: "search", cache_control: { type: "ephemeral", ttl: "1h" } })]);
  });

  it("a tool loop", async () => {
    const replay = createReplayFetch([
      message([{ type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } }]),
      textAnswer,
    ]);
    const anthropic = replayed(realAnthropic, replay, "sk-ant-test");

    const getWeather = defineTool({
      name: "get_weather",
      description: "Current weather for a city",
      parameters: z.object({ city: z.string() }),
      call: async ({ city }) => ({ tempC: 21 }),
    });
    const weather = anthropic.call({ model: "claude-haiku-4-5", tools: [getWeather] }, (city: string) => `Weather in ${city}?`);

    let response = await weather("Paris");
    while (response.tools.length > 0) {
      response = await response.resume(await response.executeTools()); // one user message of tool_result blocks
    }

    expect(response.content).toBe(claudeText);
    expect((replay.requests[1].json as Body).messages).toEqual([
      { role: "user", content: "Weather in Paris?" },
      { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: '{"tempC":21}' }] },
    ]);
  });

  it("server tools go through callParams.tools", async () => {
    const replay = createReplayFetch(textAnswer);
    const anthropic = replayed(realAnthropic, replay, "sk-ant-test");

    const news = anthropic.call(
      { model: "claude-sonnet-4-5", callParams: { tools: [{ type: "web_search_20250305", name: "web_search", max_uses: 3 }] } },
      () => "What happened in tech today?",
    );

    await news();
    expect((replay.requests[0].json as Body).tools).toEqual([{ type: "web_search_20250305", name: "web_search", max_uses: 3 }]);
  });

  it("extended thinking in a tool loop", async () => {
    const thinking = { type: "thinking", thinking: "27 * 453: let the calculator do it.", signature: "sig-abc" };
    const replay = createReplayFetch([
      message([thinking, { type: "tool_use", id: "toolu_2", name: "calculator", input: { a: 27, b: 453 } }]),
      textAnswer,
    ]);
    const anthropic = replayed(realAnthropic, replay, "sk-ant-test");
    const calculator = defineTool({
      name: "calculator",
      description: "Multiplies two numbers",
      parameters: z.object({ a: z.number(), b: z.number() }),
      call: ({ a, b }) => a * b,
    });

    const solve = anthropic.call(
      { model: "claude-sonnet-4-5", tools: [calculator], callParams: { thinking: { type: "enabled", budget_tokens: 2048 } } },
      (q: string) => q,
    );
    const response = await solve("What is 27 * 453?");
    response.thinking; // the thinking text
    const next = await response.resume(await response.executeTools());

    expect(response.thinking).toBe("27 * 453: let the calculator do it.");
    expect(next.content).toBe(claudeText);
    const first = replay.requests[0].json as Body;
    expect(first).toMatchObject({ thinking: { type: "enabled", budget_tokens: 2048 }, max_tokens: 8192 + 2048 });
    const second = replay.requests[1].json as Body;
    expect(second.messages[1]).toEqual({
      role: "assistant",
      content: [thinking, { type: "tool_use", id: "toolu_2", name: "calculator", input: { a: 27, b: 453 } }],
    });
    expect(second.messages[2]).toEqual({ role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_2", content: "12231" }] });
  });

  it("structured outputs through a forced tool", async () => {
    const replay = createReplayFetch((request) => {
      const name = (request.json as Body).tool_choice!.name;
      return message([{ type: "tool_use", id: "toolu_3", name, input: { title: "The Hobbit", author: "J. R. R. Tolkien" } }]);
    });
    const anthropic = replayed(realAnthropic, replay, "sk-ant-test");

    const Book = z.object({ title: z.string(), author: z.string() });
    const book = await anthropic.call({ model: "claude-haiku-4-5", responseModel: Book }, () => "A fantasy classic")();

    expect(book).toEqual({ title: "The Hobbit", author: "J. R. R. Tolkien" });
    const sent = replay.requests[0].json as Body;
    expect(sent.tool_choice).toEqual({ type: "tool", name: expect.any(String) });
    expect(sent.tools).toEqual([
      expect.objectContaining({ name: sent.tool_choice!.name, input_schema: expect.objectContaining({ type: "object" }) }),
    ]);
  });

  it("a stream", async () => {
    const replay = createReplayFetch({ body: fixtures["anthropic/stream_text_docs.sse"], chunking: { seed: 9, maxChunkSize: 20 } });
    const anthropic = replayed(realAnthropic, replay, "sk-ant-test");
    let written = "";
    const process = { stdout: { write: (text: string) => (written += text) } };

    const stream = await anthropic.call({ model: "claude-haiku-4-5", stream: true }, () => "Tell a story")();
    for await (const [chunk] of stream) process.stdout.write(chunk.content);
    stream.usage; // input from message_start, cumulative output from message_delta
    stream.messageParam; // every completed block
    stream.constructCallResponse(); // an AnthropicCallResponse with the same raw shape as a non-streaming call

    expect(written).toBe("Hello!");
    expect(stream.usage).toMatchObject({ inputTokens: 25, outputTokens: 15 });
    expect(stream.messageParam).toEqual({ role: "assistant", content: [{ type: "text", text: "Hello!" }] });
    const response = stream.constructCallResponse();
    expect(response.content).toBe("Hello!");
    expect(response.finishReasons).toEqual(["end_turn"]);
    expect(response.id).toBe("msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY");
  });
});
