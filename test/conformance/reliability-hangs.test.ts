// No call or stream hangs (DESIGN.md, Reliability; docs/errors-and-retries.md, Timeouts): every
// provider's call and stream, against a fetch whose upstream (a) never sends headers, (b) sends
// headers then goes silent, (c) drips slower than `idleMs`, (d) sends its terminal event but never
// closes, (e) is aborted by the caller. Each ends within its limit (a TimeoutError of the right
// phase), with the answer (d), or with the caller's abort reason (e) — and the upstream is let go.
// Bodies are the recorded fixtures (test/fixtures, provenance in SOURCES.md).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, runTools } from "../../src/index.ts";
import { llm } from "../../src/llm/index.ts";
import { TimeoutError } from "../../src/errors/index.ts";
import { anthropic } from "../../src/providers/anthropic/index.ts";
import { bedrock } from "../../src/providers/bedrock/index.ts";
import { google } from "../../src/providers/google/index.ts";
import { azureOpenAI, groq, openai, openaiCompatible } from "../../src/providers/openai/index.ts";
import { vertex, vertexAnthropic } from "../../src/providers/vertex/index.ts";
import { IN_WORKERD } from "../../src/web-streams/in-workerd.ts";
import { binaryFixtures, fixtures } from "../fixtures/index.ts";
import { jsonStreamTurn } from "./support/json-stream-turn.ts";
import { controlledFetch, type Upstream, type UpstreamLog } from "./support/controlled-fetch.ts";
import { rejection, sseEventsOf } from "./support/scripted-server.ts";

interface Entry {
  name: string;
  /** Calls with `fetch` and the extra options (stream, timeout, signal…). */
  call(fetch: typeof globalThis.fetch, options: Record<string, unknown>): Promise<unknown>;
  /** A complete streamed body, as pieces (events or frames). */
  stream: (string | Uint8Array)[];
  streamType?: string;
  /** A complete JSON body. */
  json: string;
  /** No terminal event: the stream ends when the body does (Gemini's last chunk carries finishReason, per candidate). */
  noTerminal?: boolean;
}

const bedrockBytes = Uint8Array.from(atob(binaryFixtures["bedrock/converse_stream_text_nova_micro.eventstream"]), (c) => c.charCodeAt(0));
/** The Bedrock stream cut into pieces of ~400 bytes (the decoder reassembles frames across reads). */
const bedrockPieces = Array.from({ length: Math.ceil(bedrockBytes.length / 400) }, (_, i) => bedrockBytes.slice(i * 400, (i + 1) * 400));

const via =
  (fn: (options: Record<string, unknown>) => () => Promise<unknown>, client: Record<string, unknown>) =>
  (fetch: typeof globalThis.fetch, options: Record<string, unknown>) =>
    fn({ ...options, client: { ...client, fetch } })();

const entries: Entry[] = [
  {
    name: "openai chat",
    call: via((o) => openai.call({ model: "gpt-4o-mini", ...o }, () => "Hi"), { apiKey: "sk-hangs" }),
    stream: sseEventsOf("openai/chat_stream_text.sse"),
    json: fixtures["openai/chat_text.json"],
  },
  {
    name: "openai responses",
    call: via((o) => openai.call({ model: "gpt-5.1", api: "responses", ...o }, () => "Hi"), { apiKey: "sk-hangs" }),
    stream: sseEventsOf("extra/openai/responses_stream_function_call.sse"),
    json: fixtures["extra/openai/responses_refusal.json"],
  },
  {
    name: "openaiCompatible",
    call: via((o) => openaiCompatible({ name: "vllm", baseURL: "http://localhost:8000/v1" }).call({ model: "m", ...o }, () => "Hi"), {}),
    stream: sseEventsOf("openai/chat_stream_text.sse"),
    json: fixtures["openai/chat_text.json"],
  },
  {
    name: "groq preset",
    call: via((o) => groq.call({ model: "llama-3.1-8b-instant", ...o }, () => "Hi"), { apiKey: "gsk-hangs" }),
    stream: sseEventsOf("openai/chat_stream_text.sse"), // the groq and Azure recordings stop before [DONE]
    json: fixtures["openai/chat_text.json"],
  },
  {
    name: "azure",
    call: via((o) => azureOpenAI({ resourceName: "acme", deployment: "gpt-4o-mini" }).call({ model: "gpt-4o-mini", ...o }, () => "Hi"), {
      apiKey: "az-hangs",
    }),
    stream: sseEventsOf("openai/chat_stream_text.sse"),
    json: fixtures["openai/chat_text.json"],
  },
  {
    name: "anthropic",
    call: via((o) => anthropic.call({ model: "claude-haiku-4-5", ...o }, () => "Hi"), { apiKey: "sk-ant-hangs" }),
    stream: sseEventsOf("anthropic/stream_text_docs.sse"),
    json: fixtures["anthropic/text.json"],
  },
  {
    name: "google",
    call: via((o) => google.call({ model: "gemini-2.5-flash", ...o }, () => "Hi"), { apiKey: "AIza-hangs" }),
    stream: sseEventsOf("gemini/stream_text_usage_live.sse"),
    json: fixtures["gemini/generate_text.json"],
    noTerminal: true,
  },
  {
    name: "bedrock",
    call: via((o) => bedrock.call({ model: "us.amazon.nova-micro-v1:0", ...o }, () => "Hi"), {
      region: "us-east-1",
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    }),
    stream: bedrockPieces,
    streamType: "application/vnd.amazon.eventstream",
    json: fixtures["bedrock/converse_text_llama3_2_1b.json"],
  },
  {
    name: "vertex gemini",
    call: via((o) => vertex.call({ model: "gemini-2.5-flash", ...o }, () => "Hi"), {
      project: "p",
      location: "us-central1",
      accessToken: "ya29.hangs",
    }),
    stream: sseEventsOf("gemini/stream_text_usage_live.sse"),
    json: fixtures["gemini/generate_text.json"],
    noTerminal: true,
  },
  {
    name: "vertex claude",
    call: via((o) => vertexAnthropic.call({ model: "claude-haiku-4-5", ...o }, () => "Hi"), {
      project: "p",
      location: "us-east5",
      accessToken: "ya29.hangs",
    }),
    stream: sseEventsOf("anthropic/stream_text_docs.sse"),
    json: fixtures["anthropic/text.json"],
  },
];

/**
 * The client let the upstream go. Not checked in workerd: there a body is cancelled only once its
 * pending read settles (workerd reports a fetch body cancelled mid-read as an unhandled rejection,
 * src/web-streams/in-workerd.ts), and a stalled upstream's read never does; the runtime ends it
 * with the request.
 */
function expectLetGo(log: UpstreamLog): void {
  if (!IN_WORKERD) expect(log.cancelled || log.aborted).toBe(true);
}

type Streamed = AsyncIterable<unknown> & { content: string; finishReasons: string[] };

const drain = async (stream: Streamed) => {
  for await (const _ of stream);
  return stream;
};

for (const entry of entries) {
  const upstream = (plan: Upstream, options: Record<string, unknown>) => {
    const { fetch, log } = controlledFetch(plan);
    return { log, pending: entry.call(fetch, { retry: false, ...options }) };
  };
  const streamType = entry.streamType ?? "text/event-stream";
  const first = entry.stream.slice(0, 2);

  describe(`${entry.name}: no hang`, () => {
    for (const stream of [false, true]) {
      const kind = stream ? "stream" : "call";
      it(`${kind}: a server that never sends headers ends in TimeoutError (attempt)`, async () => {
        const { log, pending } = upstream({ answer: false }, { stream, timeout: 40 });
        expect(await rejection(pending)).toMatchObject({ name: "TimeoutError", phase: "attempt", timeoutMs: 40 });
        expect(log.aborted).toBe(true);
      });

      it(`${kind}: the caller's abort before the headers rejects with its reason`, async () => {
        const controller = new AbortController();
        const { log, pending } = upstream({ answer: false }, { stream, signal: controller.signal });
        setTimeout(() => controller.abort(new Error("user left")), 20);
        expect(await rejection(pending)).toMatchObject({ message: "user left" });
        expect(log.aborted).toBe(true);
      });
    }

    it("call: headers, then silence, ends in TimeoutError (idle)", async () => {
      const { log, pending } = upstream({ type: "application/json", parts: [], end: "stall" }, { timeout: { idleMs: 40 } });
      expect(await rejection(pending)).toMatchObject({ name: "TimeoutError", phase: "idle", timeoutMs: 40 });
      expectLetGo(log);
    });

    it("call: a JSON body dripping slower than idleMs ends in TimeoutError (idle)", async () => {
      const json = entry.json;
      const plan = { type: "application/json", parts: [json.slice(0, 20), json.slice(20)], gapMs: 600 };
      const { pending } = upstream(plan, { timeout: { idleMs: 40 } });
      expect(await rejection(pending)).toMatchObject({ name: "TimeoutError", phase: "idle" });
    });

    it("stream: headers, then silence, ends in TimeoutError (idle)", async () => {
      const { log, pending } = upstream({ type: streamType, parts: [], end: "stall" }, { stream: true, timeout: { idleMs: 40 } });
      const error = await rejection(pending.then((s) => drain(s as Streamed)));
      expect(error).toMatchObject({ name: "TimeoutError", phase: "idle", timeoutMs: 40 });
      expectLetGo(log);
    });

    it("stream: events dripping slower than idleMs end in TimeoutError (idle)", async () => {
      const { pending } = upstream({ type: streamType, parts: entry.stream, gapMs: 600 }, { stream: true, timeout: { idleMs: 40 } });
      const error = await rejection(pending.then((s) => drain(s as Streamed)));
      expect(TimeoutError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ phase: "idle" });
    });

    it("stream: the terminal event without the connection closing still ends the stream", async () => {
      if (entry.noTerminal) return;
      const closed = await drain((await upstream({ type: streamType, parts: entry.stream }, { stream: true }).pending) as Streamed);
      const { log, pending } = upstream({ type: streamType, parts: entry.stream, end: "stall" }, { stream: true });
      const stalled = await drain((await pending) as Streamed);
      expect(stalled.content).toBe(closed.content);
      expect(stalled.finishReasons).toEqual(closed.finishReasons);
      expectLetGo(log);
    });

    it("stream: a whole answer without the connection closing is bounded by idleMs, the text kept", async () => {
      const closed = await drain((await upstream({ type: streamType, parts: entry.stream }, { stream: true }).pending) as Streamed);
      const { pending } = upstream({ type: streamType, parts: entry.stream, end: "stall" }, { stream: true, timeout: { idleMs: 40 } });
      const stream = (await pending) as Streamed;
      if (entry.noTerminal) {
        const error = await rejection(drain(stream));
        expect(error).toMatchObject({ name: "TimeoutError", phase: "idle", content: closed.content });
      } else await drain(stream);
      expect(stream.content).toBe(closed.content);
    });

    it("stream: the caller's abort mid-stream rejects with its reason and lets the upstream go", async () => {
      const controller = new AbortController();
      const { log, pending } = upstream({ type: streamType, parts: first, end: "stall" }, { stream: true, signal: controller.signal });
      const stream = (await pending) as Streamed;
      const reading = drain(stream);
      setTimeout(() => controller.abort(new Error("user left")), 20);
      expect(await rejection(reading)).toMatchObject({ message: "user left" });
      expectLetGo(log);
    });

    it("stream: a total limit ends a stream that keeps dripping within idleMs", async () => {
      const parts = [...entry.stream.slice(0, -1)];
      const { pending } = upstream(
        { type: streamType, parts, gapMs: 30, end: "stall" },
        { stream: true, timeout: { idleMs: 5000, totalMs: 60 } },
      );
      const error = await rejection(pending.then((s) => drain(s as Streamed)));
      expect(error).toMatchObject({ name: "TimeoutError", phase: "total", timeoutMs: 60 });
    });
  });
}

describe("a fetch that ignores its signal (a custom client.fetch) cannot hang a call", () => {
  /** Never settles, whatever its signal does. */
  const deaf = (() => new Promise<Response>(() => {})) as typeof globalThis.fetch;
  const ask = (options: Record<string, unknown>) =>
    openai.call({ model: "gpt-4o-mini", retry: false, client: { apiKey: "sk-hangs", fetch: deaf }, ...options }, () => "Hi")();

  it("the attempt limit still ends the call with a TimeoutError", async () => {
    expect(await rejection(ask({ timeout: 40 }))).toMatchObject({ name: "TimeoutError", phase: "attempt", timeoutMs: 40 });
  });

  it("the total limit still ends the call with a TimeoutError", async () => {
    expect(await rejection(ask({ timeout: { totalMs: 40 } }))).toMatchObject({ name: "TimeoutError", phase: "total" });
  });

  it("the caller's abort still rejects with its reason", async () => {
    const controller = new AbortController();
    const pending = ask({ stream: true, signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user left")), 20);
    expect(await rejection(pending)).toMatchObject({ message: "user left" });
  });
});

describe("calls built on calls: no hang", () => {
  const chatStream = sseEventsOf("openai/chat_stream_text.sse");
  const Answer = z.object({ city: z.string(), country: z.string() });
  const jsonEvents = jsonStreamTurn().split(/(?<=\n\n)/);
  const json = { type: "application/json" };
  const getCapital = defineTool({
    name: "get_capital",
    description: "The capital of a country",
    parameters: z.object({ country: z.string() }),
    call: () => "London",
  });
  const client = (fetch: typeof globalThis.fetch) => ({ apiKey: "sk-hangs", fetch });

  it("responseModel: a server that never answers ends in TimeoutError (attempt)", async () => {
    const { fetch } = controlledFetch({ answer: false });
    const extract = openai.call(
      { model: "gpt-4o-mini", responseModel: Answer, retry: false, timeout: 40, client: client(fetch) },
      () => "x",
    );
    expect(await rejection(extract())).toMatchObject({ name: "TimeoutError", phase: "attempt" });
  });

  it("streamed responseModel: a stalled stream ends in TimeoutError (idle)", async () => {
    const { fetch, log } = controlledFetch({ parts: jsonEvents.slice(0, 3), end: "stall" });
    const options = { model: "gpt-4o-mini", stream: true, responseModel: Answer, timeout: { idleMs: 40 }, client: client(fetch) } as const;
    const stream = await openai.call(options, () => "x")();
    const error = await rejection(
      (async () => {
        for await (const _ of stream);
      })(),
    );
    expect(error).toMatchObject({ name: "TimeoutError", phase: "idle" });
    expectLetGo(log);
  });

  it("runTools: a resume whose server never answers ends in TimeoutError (attempt)", async () => {
    const { fetch, log } = controlledFetch([{ ...json, parts: [fixtures["openai/chat_tool_call.json"]] }, { answer: false }]);
    const ask = openai.call({ model: "gpt-4o-mini", tools: [getCapital], retry: false, timeout: 40, client: client(fetch) }, () => "?");
    expect(await rejection(runTools(ask, { maxSteps: 3 }))).toMatchObject({ name: "TimeoutError", phase: "attempt" });
    expect(log.requests).toBe(2);
  });

  it("runTools: the caller's abort during a resume rejects with its reason", async () => {
    const { fetch } = controlledFetch([{ ...json, parts: [fixtures["openai/chat_tool_call.json"]] }, { answer: false }]);
    const controller = new AbortController();
    const options = { model: "gpt-4o-mini", tools: [getCapital], signal: controller.signal, client: client(fetch) };
    const ask = openai.call(options, () => "?");
    const running = runTools(ask, { maxSteps: 3, onStep: () => void setTimeout(() => controller.abort(new Error("user left")), 20) });
    expect(await rejection(running)).toMatchObject({ message: "user left" });
  });

  it("llm.call: a stalled stream ends in TimeoutError (idle); an abort rejects with its reason", async () => {
    const { fetch } = controlledFetch({ parts: chatStream.slice(0, 2), end: "stall" });
    const stream = await llm.call(
      { provider: "openai", model: "gpt-4o-mini", stream: true, timeout: { idleMs: 40 }, client: client(fetch) },
      () => "x",
    )();
    const error = await rejection(
      (async () => {
        for await (const _ of stream);
      })(),
    );
    expect(error).toMatchObject({ name: "TimeoutError", phase: "idle" });
    const controller = new AbortController();
    const silent = controlledFetch({ answer: false });
    const pending = llm.call(
      { provider: "openai", model: "gpt-4o-mini", signal: controller.signal, client: client(silent.fetch) },
      () => "x",
    )();
    setTimeout(() => controller.abort(new Error("user left")), 20);
    expect(await rejection(pending)).toMatchObject({ message: "user left" });
  });

  it("llm.fallback: every provider silent ends in a FallbackError of timeouts; an abort stops at once", async () => {
    const first = controlledFetch({ answer: false });
    const second = controlledFetch({ answer: false });
    const primary = llm.call(
      { provider: "openai", model: "gpt-4o-mini", retry: false, timeout: 40, client: client(first.fetch) },
      () => "x",
    );
    const sturdy = llm.fallback(primary, [{ provider: "openai", model: "gpt-4.1-nano", client: client(second.fetch) }]);
    const error = (await rejection(sturdy())) as { name: string; attempts: { error: unknown }[] };
    expect(error.name).toBe("FallbackError");
    expect(error.attempts.map((a) => (a.error as TimeoutError).phase)).toEqual(["attempt", "attempt"]);

    const controller = new AbortController();
    const third = controlledFetch({ answer: false });
    const fourth = controlledFetch({ answer: false });
    const aborting = llm.call(
      { provider: "openai", model: "gpt-4o-mini", signal: controller.signal, client: client(third.fetch) },
      () => "x",
    );
    const pending = llm.fallback(aborting, [{ provider: "openai", model: "gpt-4.1-nano", client: client(fourth.fetch) }])();
    setTimeout(() => controller.abort(new Error("user left")), 20);
    expect(await rejection(pending)).toMatchObject({ message: "user left" });
    expect(fourth.log.requests).toBe(0);
  });
});

describe("an error answer whose body never ends cannot hang a call", () => {
  const ask = (fetch: typeof globalThis.fetch, options: Record<string, unknown>) =>
    openai.call({ model: "gpt-4o-mini", client: { apiKey: "sk-hangs", fetch }, ...options }, () => "Hi")();
  const errorStart = fixtures["openai/error_429_insufficient_quota.json"].slice(0, 30);

  it("a 500 whose body stalls half-way ends within idleMs as the status's typed error", async () => {
    const { fetch, log } = controlledFetch({ status: 500, type: "application/json", parts: [errorStart], end: "stall" });
    const error = await rejection(ask(fetch, { retry: false, timeout: { idleMs: 40 } }));
    expect(error).toMatchObject({ name: "InternalServerError", status: 500 });
    expectLetGo(log);
  });

  it("with retries, the total limit still bounds stalled error bodies", async () => {
    const { fetch } = controlledFetch({ status: 503, type: "application/json", parts: [errorStart], end: "stall" });
    const error = await rejection(
      ask(fetch, { retry: { maxRetries: 100, initialDelayMs: 1, maxDelayMs: 1 }, timeout: { idleMs: 30, totalMs: 200 } }),
    );
    expect(error).toMatchObject({ name: "TimeoutError", phase: "total" });
  });
});
