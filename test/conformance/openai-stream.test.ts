// Chat Completions streams beyond the recorded fixtures: refusals, error events inside a 200 stream
// (OpenAI sends `data: {"error": {...}}`), malformed events, and streamed structured output. Chunk
// bodies follow https://platform.openai.com/docs/api-reference/chat/streaming.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { APIError, ParseError, StreamError } from "../../src/errors/index.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { createReplayFetch } from "../../src/testing/replay-fetch.ts";

function sse(chunks: Record<string, unknown>[], done = true): string {
  const base = { id: "chatcmpl-s", object: "chat.completion.chunk", created: 1, model: "gpt-4o-2024-08-06" };
  const events = chunks.map((c) => `data: ${JSON.stringify("error" in c ? c : { ...base, ...c })}\n\n`).join("");
  return events + (done ? "data: [DONE]\n\n" : "");
}
const delta = (d: Record<string, unknown>, finish: string | null = null) => ({ choices: [{ index: 0, delta: d, finish_reason: finish }] });

describe("openai streams", () => {
  it("a refusal is surfaced (non-streaming): content falls back to it and messageParam keeps it", async () => {
    const body = JSON.stringify({
      id: "chatcmpl-r",
      object: "chat.completion",
      created: 1,
      model: "gpt-4o-2024-08-06",
      choices: [{ index: 0, message: { role: "assistant", content: null, refusal: "I can't help with that." }, finish_reason: "stop" }],
    });
    const fetch = createReplayFetch({ body });
    const r = await openai.call({ model: "gpt-4o", client: { apiKey: "k", fetch } }, () => "x")();
    expect(r.refusal).toBe("I can't help with that.");
    expect(r.content).toBe("I can't help with that.");
    expect(r.usage).toBeUndefined();
    expect(r.cost).toBeUndefined();
    expect(r.messageParam).toEqual({ role: "assistant", content: null, refusal: "I can't help with that." });
  });

  it("a streamed refusal accumulates and stays in messageParam", async () => {
    const fetch = createReplayFetch({
      body: sse([
        delta({ role: "assistant", content: null, refusal: "" }),
        delta({ refusal: "I can't " }),
        delta({ refusal: "help." }),
        delta({}, "stop"),
      ]),
    });
    const s = await openai.call({ model: "gpt-4o", stream: true, client: { apiKey: "k", fetch } }, () => "x")();
    for await (const _ of s) {
      // drain
    }
    expect(s.refusal).toBe("I can't help.");
    expect(s.content).toBe("");
    expect(s.messageParam).toEqual({ role: "assistant", content: null, refusal: "I can't help." });
    expect(s.constructCallResponse().refusal).toBe("I can't help.");
  });

  it("an error event while tool calls stream keeps the calls so far on the StreamError's partial, each call's text joined", async () => {
    const call = (index: number, fn: Record<string, unknown>, id?: string) =>
      delta({ tool_calls: [{ index, ...(id && { id }), function: fn }] });
    const fetch = createReplayFetch({
      body: sse(
        [
          delta({ content: "Checking." }),
          call(0, { name: "weather", arguments: '{"city":' }, "call_1"),
          call(0, { arguments: '"Paris"}' }),
          call(1, { name: "time", arguments: '{"tz"' }, "call_2"),
          { error: { message: "Overloaded", type: "server_error" } },
        ],
        false,
      ),
    });
    const s = await openai.call({ model: "gpt-4o", stream: true, client: { apiKey: "k", fetch } }, () => "x")();
    const caught = await (async () => {
      for await (const _ of s);
    })().catch((e: unknown) => e);
    expect(StreamError.isInstance(caught)).toBe(true);
    expect((caught as StreamError).content).toBe("Checking.");
    // index 1 started, so call_1 was complete and yielded; call_2 is still open.
    expect(s.toolCalls).toEqual([{ id: "call_1", name: "weather", args: '{"city":"Paris"}' }]);
    expect((caught as StreamError).partial).toEqual({ toolCalls: [{ id: "call_2", name: "time", args: '{"tz"' }] });
  });

  it("an error event inside a 200 stream ends it with a StreamError that keeps the text so far", async () => {
    const error = {
      error: { message: "The server had an error while processing your request.", type: "server_error", param: null, code: null },
    };
    const fetch = createReplayFetch({ body: sse([delta({ content: "Hel" }), delta({ content: "lo" }), error], false) });
    const s = await openai.call({ model: "gpt-4o", stream: true, client: { apiKey: "secret-key", fetch } }, () => "x")();
    const seen: string[] = [];
    const caught = await (async () => {
      for await (const [chunk] of s) seen.push(chunk.content);
    })().catch((e: unknown) => e);
    expect(StreamError.isInstance(caught)).toBe(true);
    const e = caught as StreamError;
    expect(e.content).toBe("Hello");
    expect(e.type).toBe("server_error");
    expect(e.isRetryable).toBe(true);
    expect(e.provider).toBe("openai");
    expect(e.message).toContain("The server had an error");
    expect(seen).toEqual(["Hel", "lo"]);
    expect(s.content).toBe("Hello");
    expect(JSON.stringify(e)).not.toContain("secret-key");
  });

  it("a malformed event is a ParseError carrying the raw text, not a hang", async () => {
    const fetch = createReplayFetch({ body: `${sse([delta({ content: "a" })], false)}data: {"choices": [\n\n` });
    const s = await openai.call({ model: "gpt-4o", stream: true, client: { apiKey: "k", fetch } }, () => "x")();
    const caught = await (async () => {
      for await (const _ of s) {
        // drain
      }
    })().catch((e: unknown) => e);
    expect(ParseError.isInstance(caught)).toBe(true);
    expect((caught as ParseError).raw).toBe('{"choices": [');
  });

  it("the chunks read together with a malformed event reach the user before its ParseError", async () => {
    // One network read holds two good chunks and then the bad event.
    const fetch = createReplayFetch({ body: `${sse([delta({ content: "a" }), delta({ content: "b" })], false)}data: not json\n\n` });
    const s = await openai.call({ model: "gpt-4o", stream: true, client: { apiKey: "k", fetch } }, () => "x")();
    const seen: string[] = [];
    const caught = await (async () => {
      for await (const [chunk] of s) seen.push(chunk.content);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(["a", "b"]);
    expect(s.content).toBe("ab");
    expect(ParseError.isInstance(caught)).toBe(true);
    expect((caught as ParseError).message).toBe("openai sent a stream event whose data is not valid JSON; the raw text is on `raw`.");
    expect((caught as ParseError).raw).toBe("not json");
  });

  it("a 200 body that is an error envelope is an APIError; a body that is not an object is a ParseError", async () => {
    const envelope = { error: { message: "Model overloaded.", type: "server_error", code: "overloaded" } };
    const fetch = createReplayFetch([{ body: JSON.stringify(envelope) }, { body: "[1, 2]" }, { body: "null" }]);
    const call = openai.call({ model: "gpt-4o", client: { apiKey: "k", fetch }, retry: false }, () => "x");
    const first = await call().catch((e: unknown) => e);
    expect(APIError.isInstance(first)).toBe(true);
    expect((first as APIError).message).toBe("openai returned HTTP 200 with an error: Model overloaded.");
    expect((first as APIError).status).toBe(200);
    expect((first as APIError).code).toBe("overloaded");
    for (const raw of ["[1,2]", "null"]) {
      const e = await call().catch((error: unknown) => error);
      expect(ParseError.isInstance(e)).toBe(true);
      expect((e as ParseError).message).toBe("openai answered with JSON that is not a response object.");
      expect((e as ParseError).raw).toBe(raw);
    }
  });

  it("textStream yields the text deltas; breaking out cancels the upstream body", async () => {
    const words = Array.from({ length: 20 }, (_, i) => delta({ content: `w${i} ` }));
    const fetch = createReplayFetch([{ body: sse(words) }, { body: sse(words) }]);
    const opts = { model: "gpt-4o", stream: true as const, client: { apiKey: "k", fetch } };
    const text = (await openai.call(opts, () => "x")()).textStream();
    const reader = text.getReader();
    const parts: string[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) parts.push(r.value);
    expect(parts.join("")).toBe(words.map((_, i) => `w${i} `).join(""));
    const s = await openai.call(opts, () => "x")();
    let n = 0;
    for await (const _ of s) if (++n === 3) break;
    expect(fetch.cancelled).toBe(1);
  });

  it("responseModel with stream: true yields partial objects from json_schema content and validates at the end", async () => {
    const Book = z.object({ title: z.string(), year: z.number() });
    const fetch = createReplayFetch({
      body: sse([delta({ content: '{"title":"Du' }), delta({ content: 'ne","ye' }), delta({ content: 'ar":1965}' }), delta({}, "stop")]),
    });
    const s = await openai.call({ model: "gpt-4o", stream: true, responseModel: Book, client: { apiKey: "k", fetch } }, () => "x")();
    const partials: unknown[] = [];
    for await (const partial of s) partials.push(structuredClone(partial));
    expect(partials[0]).toEqual({ title: "Du" });
    expect(partials.at(-1)).toEqual({ title: "Dune", year: 1965 });
    expect(await s.final()).toEqual({ title: "Dune", year: 1965 });
  });

  it("responseModel with stream: true in tool mode reads the streamed tool arguments", async () => {
    const Book = z.object({ title: z.string() });
    const fetch = createReplayFetch({
      body: sse([
        delta({ tool_calls: [{ index: 0, id: "call_1", type: "function", function: { name: "response", arguments: "" } }] }),
        delta({ tool_calls: [{ index: 0, function: { arguments: '{"title":' } }] }),
        delta({ tool_calls: [{ index: 0, function: { arguments: '"Emma"}' } }] }),
        delta({}, "stop"),
      ]),
    });
    const s = await openai.call({ model: "gpt-3.5-turbo", stream: true, responseModel: Book, client: { apiKey: "k", fetch } }, () => "x")();
    expect(await s.final()).toEqual({ title: "Emma" });
  });
});
