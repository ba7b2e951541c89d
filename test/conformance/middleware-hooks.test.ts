// Middleware hooks: order and arguments for plain, streamed, structured, tool-loop, retried,
// fallen-back and failing calls, against recorded OpenAI and Anthropic responses (test/fixtures/).
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  defineMiddleware,
  defineTool,
  FallbackError,
  llm,
  type Middleware,
  NotFoundError,
  useMiddleware,
  withMiddleware,
} from "promptcall";
import { anthropic } from "promptcall/anthropic";
import { openai } from "promptcall/openai";
import { createReplayFetch, createScriptedProvider, type ReplayResponse } from "promptcall/testing";
import { fixtures } from "../fixtures/index.ts";

type Event = unknown[];

/** A middleware that records every hook it sees as `[name, hook, …what matters]`. */
function recorder(name: string, events: Event[]): Middleware<{ calls?: number }> {
  return defineMiddleware<{ calls?: number }>({
    name,
    onCall(ctx) {
      ctx.state.calls = (ctx.state.calls ?? 0) + 1;
      events.push([name, "onCall", ctx.provider, ctx.model]);
    },
    onRetry(info) {
      events.push([name, "onRetry", info.attempt, (info.error as Error).name, info.delayMs >= 0]);
    },
    onResponse(response, ctx) {
      events.push([name, "onResponse", response.provider, response.content, ctx.state.calls]);
    },
    onStream(stream, ctx, end) {
      events.push([name, "onStream", stream.content, end.completed, ctx.state.calls]);
    },
    onStructured(value) {
      events.push([name, "onStructured", value]);
    },
    onError(error) {
      events.push([name, "onError", (error as Error).name]);
    },
  });
}

const json = (path: string): ReplayResponse => ({ body: fixtures[path], headers: { "content-type": "application/json" } });
const sse = (path: string): ReplayResponse => ({ body: fixtures[path] });
const openaiText = JSON.parse(fixtures["openai/chat_text.json"]).choices[0].message.content as string;

let removeGlobal: (() => void) | undefined;
afterEach(() => {
  removeGlobal?.();
  removeGlobal = undefined;
});

describe("middleware hooks", () => {
  it("a plain call: onCall in order (global, withMiddleware, per call), onResponse in reverse; ctx holds the call", async () => {
    const events: Event[] = [];
    const seen: unknown[] = [];
    removeGlobal = useMiddleware(recorder("global", events));
    const fetch = createReplayFetch(json("openai/chat_text.json"));
    const inspect = defineMiddleware({
      name: "inspect",
      onCall(ctx) {
        const { provider, model, messages, callParams, params, tools, metadata, signal, state, stream } = ctx;
        seen.push({ provider, model, messages, callParams, params, tools, metadata, signal, state, stream });
      },
    });
    const signal = new AbortController().signal;
    const call = openai.call(
      {
        model: "gpt-4.1-nano",
        client: { fetch, apiKey: "sk-test" },
        callParams: { user: "u1" },
        params: { temperature: 0.5 },
        metadata: { tag: "t" },
        signal,
        middleware: [recorder("own", events), inspect],
      },
      (topic: string) => `Invent a holiday about ${topic}`,
    );
    const wrapped = withMiddleware(call, recorder("wrap", events));
    const response = await wrapped("space");
    expect(response.content).toBe(openaiText);
    expect(events).toEqual([
      ["global", "onCall", "openai", "gpt-4.1-nano"],
      ["wrap", "onCall", "openai", "gpt-4.1-nano"],
      ["own", "onCall", "openai", "gpt-4.1-nano"],
      ["own", "onResponse", "openai", openaiText, 1],
      ["wrap", "onResponse", "openai", openaiText, 1],
      ["global", "onResponse", "openai", openaiText, 1],
    ]);
    expect(seen).toEqual([
      {
        provider: "openai",
        model: "gpt-4.1-nano",
        messages: [{ role: "user", content: "Invent a holiday about space" }],
        callParams: { user: "u1" },
        params: { temperature: 0.5 },
        tools: [],
        metadata: { tag: "t" },
        signal: expect.any(AbortSignal),
        state: {},
        stream: false,
      },
    ]);
    // The original call is unchanged by withMiddleware, and removing the global one works.
    removeGlobal();
    events.length = 0;
    await openai.call(
      { model: "gpt-4.1-nano", client: { fetch: createReplayFetch(json("openai/chat_text.json")), apiKey: "k" } },
      () => "hi",
    )();
    expect(events).toEqual([]);
  });

  it("a stream: onStream once it is exhausted, with final content and usage", async () => {
    const events: Event[] = [];
    let usage: unknown;
    const usageSeen = defineMiddleware({
      name: "usage",
      onStream(s) {
        usage = s.usage;
      },
    });
    const call = openai.call(
      {
        model: "gpt-4o-mini",
        stream: true,
        client: { fetch: createReplayFetch(sse("openai/chat_stream_text.sse")), apiKey: "k" },
        middleware: [recorder("a", events), usageSeen],
      },
      () => "Capital of the UK?",
    );
    const stream = await call();
    expect(events).toEqual([["a", "onCall", "openai", "gpt-4o-mini"]]);
    for await (const _ of stream) expect(events).toHaveLength(1);
    expect(events).toEqual([
      ["a", "onCall", "openai", "gpt-4o-mini"],
      ["a", "onStream", "The capital of the UK is London.", true, 1],
    ]);
    expect(usage).toMatchObject({ inputTokens: 78, outputTokens: 9 });
  });

  it("a stream left early gives onStream with completed: false; an aborted one gives onError with the abort reason", async () => {
    const events: Event[] = [];
    const make = (signal?: AbortSignal) =>
      openai.call(
        {
          model: "gpt-4o-mini",
          stream: true,
          signal,
          client: { fetch: createReplayFetch(sse("openai/chat_stream_text.sse")), apiKey: "k" },
          middleware: [recorder("a", events)],
        },
        () => "Capital of the UK?",
      )();
    const early = await make();
    for await (const [chunk] of early) if (chunk.content) break;
    expect(events.at(-1)).toEqual(["a", "onStream", early.content, false, 1]);
    expect(early.content.length).toBeLessThan("The capital of the UK is London.".length);

    const controller = new AbortController();
    const aborted = await make(controller.signal);
    const reason = new DOMException("user left", "AbortError");
    await expect(
      (async () => {
        for await (const [chunk] of aborted) if (chunk.content) controller.abort(reason);
      })(),
    ).rejects.toBe(reason);
    expect(events.at(-1)).toEqual(["a", "onError", "AbortError"]);
  });

  it("ctx.stream is true for every streaming call, stream: { partialTools: true } included", async () => {
    const seen: boolean[] = [];
    const streamFlag = defineMiddleware({
      name: "flag",
      onCall(ctx) {
        seen.push(ctx.stream);
      },
    });
    for (const stream of [true, { partialTools: true }] as const) {
      const fetch = createReplayFetch({ body: fixtures["openai/chat_stream_text.sse"] });
      const s = await openai.call(
        { model: "gpt-4o-mini", stream, client: { fetch, apiKey: "k" }, middleware: [streamFlag] },
        () => "Capital?",
      )();
      for await (const _ of s);
    }
    expect(seen).toEqual([true, true]);
  });

  it("a cancelled textStream() gives onStream with completed: false", async () => {
    const events: Event[] = [];
    const fetch = createReplayFetch({ body: fixtures["openai/chat_stream_text.sse"], delayMs: 2 });
    const call = openai.call(
      { model: "gpt-4o-mini", stream: true, client: { fetch, apiKey: "k" }, middleware: [recorder("a", events)] },
      () => "Capital?",
    );
    const reader = (await call()).textStream().getReader();
    await reader.read();
    await reader.cancel("reader left");
    for (let i = 0; i < 10 && events.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(events.map((e) => e[1])).toEqual(["onCall", "onStream"]);
    expect(events[1][3]).toBe(false);
  });

  it("a responseModel call: onResponse, then onStructured with the value", async () => {
    const events: Event[] = [];
    const schema = z.object({ city: z.string(), country: z.string() });
    const body = JSON.parse(fixtures["openai/chat_structured_output_json_schema.json"]);
    const value = JSON.parse(body.choices[0].message.content);
    const call = openai.call(
      {
        model: "gpt-4o",
        responseModel: schema,
        client: { fetch: createReplayFetch(json("openai/chat_structured_output_json_schema.json")), apiKey: "k" },
        middleware: [recorder("a", events)],
      },
      () => "Biggest city in Mexico?",
    );
    expect(await call()).toEqual(value);
    expect(events).toEqual([
      ["a", "onCall", "openai", "gpt-4o"],
      ["a", "onResponse", "openai", body.choices[0].message.content, 1],
      ["a", "onStructured", value],
    ]);
  });

  it("a structured stream: onStream when its stream ends, onStructured with final()'s value", async () => {
    const events: Event[] = [];
    const scripted = createScriptedProvider([{ json: { name: "Ada", age: 36 } }]);
    const call = scripted.call(
      {
        model: "scripted-1",
        stream: true,
        responseModel: z.object({ name: z.string(), age: z.number() }),
        middleware: [recorder("a", events)],
      },
      () => "Who?",
    );
    const structured = await call();
    const partials: unknown[] = [];
    for await (const partial of structured) partials.push(partial);
    expect(partials.length).toBeGreaterThan(0);
    expect(events.map((e) => e[1])).toEqual(["onCall", "onStream"]);
    expect(await structured.final()).toEqual({ name: "Ada", age: 36 });
    expect(await structured.final()).toEqual({ name: "Ada", age: 36 });
    expect(events.slice(2)).toEqual([["a", "onStructured", { name: "Ada", age: 36 }]]);
  });

  it("a structured stream whose final() fails: onStream, then onError with the ValidationError", async () => {
    const events: Event[] = [];
    const scripted = createScriptedProvider([{ json: { name: "Ada" } }]);
    const call = scripted.call(
      {
        model: "scripted-1",
        stream: true,
        responseModel: z.object({ name: z.string(), age: z.number() }),
        middleware: [recorder("a", events)],
      },
      () => "Who?",
    );
    const structured = await call();
    const error = await structured.final().catch((e: unknown) => e);
    expect((error as Error).name).toBe("ValidationError");
    expect(events.map((e) => e[1])).toEqual(["onCall", "onStream", "onError"]);
    expect(events[2]).toEqual(["a", "onError", "ValidationError"]);
  });

  it("an llm.call stream: the provider's call runs the hooks, onStream when the LLMStream is read", async () => {
    const events: Event[] = [];
    const fetch = createReplayFetch({ body: fixtures["openai/chat_stream_text.sse"] });
    const call = llm.call(
      { provider: openai, model: "gpt-4o-mini", stream: true, client: { fetch, apiKey: "k" }, middleware: [recorder("a", events)] },
      () => "Capital?",
    );
    const stream = await call();
    let text = "";
    for await (const [chunk] of stream) text += chunk.content;
    expect(text).toBe("The capital of the UK is London.");
    expect(events).toEqual([
      ["a", "onCall", "openai", "gpt-4o-mini"],
      ["a", "onStream", "The capital of the UK is London.", true, 1],
    ]);
  });

  it("a tool loop: each turn (resume) is a call of its own, with fresh state", async () => {
    const events: Event[] = [];
    const getCapital = defineTool({
      name: "get_capital",
      description: "The capital of a country",
      parameters: z.object({ country: z.string() }),
      call: ({ country }) => (country === "England" ? "London" : "?"),
    });
    const fetch = createReplayFetch([json("openai/chat_tool_call.json"), json("openai/chat_text.json")]);
    const call = openai.call(
      { model: "gpt-4o-mini", tools: [getCapital], client: { fetch, apiKey: "k" }, middleware: [recorder("a", events)] },
      () => "Capital of England?",
    );
    const first = await call();
    const second = await first.resume(await first.executeTools());
    expect(second.content).toBe(openaiText);
    expect(events).toEqual([
      ["a", "onCall", "openai", "gpt-4o-mini"],
      ["a", "onResponse", "openai", "", 1],
      ["a", "onCall", "openai", "gpt-4o-mini"],
      ["a", "onResponse", "openai", openaiText, 1],
    ]);
  });

  it("a retried call: onRetry for each retry with its number, delay and error", async () => {
    const events: Event[] = [];
    const fetch = createReplayFetch([{ status: 429, body: '{"error":{"message":"slow down"}}' }, json("openai/chat_text.json")]);
    const call = openai.call(
      {
        model: "gpt-4.1-nano",
        retry: { initialDelayMs: 1, maxDelayMs: 2 },
        client: { fetch, apiKey: "k" },
        middleware: [recorder("a", events)],
      },
      () => "hi",
    );
    await call();
    expect(fetch.requests).toHaveLength(2);
    expect(events).toEqual([
      ["a", "onCall", "openai", "gpt-4.1-nano"],
      ["a", "onRetry", 1, "RateLimitError", true],
      ["a", "onResponse", "openai", openaiText, 1],
    ]);
  });

  it("a fallen-back call: each attempt is a call of its own provider", async () => {
    const events: Event[] = [];
    const failing = createReplayFetch(() => ({ status: 429, body: '{"error":{"message":"slow down"}}' }));
    const working = createReplayFetch(json("anthropic/text.json"));
    const base = llm.call({ provider: openai, model: "gpt-4o-mini", retry: false, client: { fetch: failing, apiKey: "k" } }, () => "Hello");
    const sturdy = llm.fallback(base, [{ provider: anthropic, model: "claude-haiku-4-5", client: { fetch: working, apiKey: "k" } }]);
    const response = await withMiddleware(sturdy, recorder("a", events))();
    expect(response.provider).toBe("anthropic");
    expect(events).toEqual([
      ["a", "onCall", "openai", "gpt-4o-mini"],
      ["a", "onError", "RateLimitError"],
      ["a", "onCall", "anthropic", "claude-haiku-4-5"],
      ["a", "onResponse", "anthropic", "Hi there! How are you doing today? Is there anything I can help you with?", 1],
    ]);
    // Every attempt failing: each one's error, and the caller gets the FallbackError.
    events.length = 0;
    const none = llm.fallback(withMiddleware(base, recorder("b", events)), [
      {
        provider: anthropic,
        model: "claude-haiku-4-5",
        retry: false,
        client: { fetch: createReplayFetch({ status: 529, body: "" }), apiKey: "k" },
      },
    ]);
    await expect(none()).rejects.toBeInstanceOf(FallbackError);
    expect(events.map((e) => e.slice(1, 3))).toEqual([
      ["onCall", "openai"],
      ["onError", "RateLimitError"],
      ["onCall", "anthropic"],
      ["onError", "OverloadedError"],
    ]);
  });

  it("a failing call: onCall, then onError with the error the caller gets", async () => {
    const events: Event[] = [];
    let seen: unknown;
    const fetch = createReplayFetch({ status: 404, body: fixtures["openai/error_404_model_not_found.json"] });
    const call = openai.call(
      {
        model: "gpt-5.2-proo",
        client: { fetch, apiKey: "k" },
        middleware: [
          recorder("a", events),
          defineMiddleware({
            name: "b",
            onError(e) {
              seen = e;
            },
          }),
        ],
      },
      () => "hi",
    );
    const error = await call().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(seen).toBe(error);
    expect(events).toEqual([
      ["a", "onCall", "openai", "gpt-5.2-proo"],
      ["a", "onError", "NotFoundError"],
    ]);
  });
});
