// No silent loss in any provider's stream (DESIGN.md, Reliability): a 2xx body that is not an event
// stream, a stream cut off before its terminal event ([DONE], Anthropic's message_stop, Gemini's
// finishReason), events after the terminal one, and a server that keeps the connection open after
// it. Against the local test server's /script route; bodies are the recorded fixtures.
import { describe, expect, it } from "vitest";
import { NetworkError, ParseError, StreamError } from "../../src/errors/index.ts";
import { anthropic } from "../../src/providers/anthropic/index.ts";
import { google } from "../../src/providers/google/index.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { fixtures } from "../fixtures/index.ts";
import { rejection, scriptedBaseURL, sseEventsOf, type Script } from "./support/scripted-server.ts";

interface Case {
  name: string;
  events: string[];
  text: string;
  /** Where the terminal event is (the index of the event that ends the stream). */
  terminal: number;
  stream(script: Script): Promise<AsyncIterable<unknown> & { content: string }>;
}

const openaiEvents = sseEventsOf("openai/chat_stream_text.sse");
const anthropicEvents = sseEventsOf("anthropic/stream_text_docs.sse");
const geminiEvents = sseEventsOf("gemini/stream_text_usage_live.sse");

const cases: Case[] = [
  {
    name: "openai",
    events: openaiEvents,
    text: "The capital of the UK is London.",
    terminal: openaiEvents.length - 1, // data: [DONE]
    stream: (script) =>
      openai.call({ model: "gpt-4o-mini", stream: true, client: { apiKey: "k", baseURL: scriptedBaseURL(script) } }, () => "x")(),
  },
  {
    name: "anthropic",
    events: anthropicEvents,
    text: "Hello!",
    terminal: anthropicEvents.length - 1, // message_stop
    stream: (script) =>
      anthropic.call({ model: "claude-opus-4-1", stream: true, client: { apiKey: "k", baseURL: scriptedBaseURL(script) } }, () => "x")(),
  },
  {
    name: "google",
    events: geminiEvents,
    text: Array.from({ length: 30 }, (_, i) => i + 1).join("\n"),
    terminal: geminiEvents.length - 1, // the chunk with finishReason
    stream: (script) =>
      google.call(
        { model: "gemini-2.5-flash", stream: true, client: { apiKey: "k", baseURL: scriptedBaseURL(script) } },
        () => "x",
      )() as never,
  },
];

const read = async (stream: AsyncIterable<unknown>) => {
  for await (const _ of stream);
};

for (const { name, events, text, stream } of cases)
  describe(`${name} streams`, () => {
    it("a 2xx body that is not an event stream is a ParseError (HTML page, JSON answer, JSON error)", async () => {
      const bodies: Script[] = [
        { type: "text/html", parts: ["<!DOCTYPE html><html><body>502 Bad Gateway</body></html>"] },
        { type: "application/json", parts: [fixtures["openai/chat_text.json"]] },
        { type: "application/json", parts: ['{"error":{"message":"quota exceeded","type":"insufficient_quota"}}'] },
      ];
      for (const script of bodies) {
        const error = (await rejection(read(await stream(script)))) as ParseError;
        expect([name, ParseError.isInstance(error)]).toEqual([name, true]);
        expect(error.raw).toBe(script.parts![0]);
      }
    });

    it("a stream cut off cleanly before its terminal event is a typed error keeping the text", async () => {
      // Cut after some text, before any finish reason (Anthropic raised its own StreamError already).
      const s = await stream({ parts: events.slice(0, name === "google" ? 2 : 4) });
      const error = (await rejection(read(s))) as NetworkError;
      const expected = name === "anthropic" ? StreamError.isInstance(error) : NetworkError.isInstance(error);
      expect([name, expected]).toEqual([name, true]);
      expect(s.content).not.toBe("");
      expect(error.content).toBe(s.content);
    });

    // Gemini has no terminal event to stop at: its last chunk carries finishReason, and several
    // candidates finish in different chunks. OpenAI ends with [DONE], Anthropic with message_stop.
    if (name === "google") return;
    it("ends at the terminal event without waiting for the server to close, ignoring what follows", async () => {
      const after = name === "anthropic" ? anthropicEvents[3] : openaiEvents[2];
      const s = await stream({ parts: [...events, after], end: "stall" });
      const started = Date.now();
      await read(s);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(s.content).toBe(text);
    });
  });

describe("openai Responses API streams", () => {
  const events = sseEventsOf("extra/openai/responses_stream_function_call.sse");
  const call = (script: Script) =>
    openai.call(
      { model: "gpt-5.1", api: "responses", stream: true, client: { apiKey: "k", baseURL: scriptedBaseURL(script) } },
      () => "x",
    )();

  it("a stream cut off before response.completed is a NetworkError", async () => {
    const error = await rejection(read(await call({ parts: events.slice(0, -1) })));
    expect(NetworkError.isInstance(error)).toBe(true);
  });

  it("ends at response.completed without waiting for the server to close", async () => {
    const s = await call({ parts: events, end: "stall" });
    const started = Date.now();
    await read(s);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(s.toolCalls.map((t) => t.name)).toEqual(["get_weather"]);
  });
});
