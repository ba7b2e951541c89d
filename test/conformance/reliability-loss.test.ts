// No silent loss (DESIGN.md, Reliability): every recorded stream, cut at every event boundary and in
// the middle of every event before its finish, rejects with a typed error that keeps the text received
// so far on `content`, and never yields a tool whose arguments were cut; a 200 body that is an error is
// an error, not an empty answer. Bodies are the recorded fixtures (test/fixtures), replayed.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { APIError, NetworkError, PromptcallError, TimeoutError, ValidationError } from "../../src/errors/index.ts";
import { anthropic } from "../../src/providers/anthropic/index.ts";
import { bedrock } from "../../src/providers/bedrock/index.ts";
import { google } from "../../src/providers/google/index.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { createReplayFetch } from "../../src/testing/replay-fetch.ts";
import { sseEvents } from "../../src/web-streams/sse-events.ts";
import { readEventStream } from "../../src/browser/index.ts";
import { toEventStream } from "../../src/worker/index.ts";
import { binaryFixtures, fixtures } from "../fixtures/index.ts";
import { rejection, sseEventsOf } from "./support/scripted-server.ts";

type Api = "chat" | "responses" | "anthropic" | "google" | "bedrock";
interface Drained {
  error?: unknown;
  content: string;
  tools: { name: string; args: unknown }[];
}

const credentials = { region: "us-east-1", accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const replay = (body: string | Uint8Array, type: string, status = 200) =>
  createReplayFetch({ status, body: body as string, headers: { "content-type": type } });

function call(api: Api, body: string | Uint8Array) {
  const o = { stream: true as const, retry: false as const };
  if (api === "bedrock") {
    const fetch = replay(body, "application/vnd.amazon.eventstream");
    return bedrock.call({ model: "anthropic.claude-3-sonnet", ...o, client: { ...credentials, fetch } }, () => "x")();
  }
  const client = { apiKey: "k", fetch: replay(body, "text/event-stream") };
  if (api === "chat") return openai.call({ model: "gpt-4o-mini", ...o, client }, () => "x")();
  if (api === "responses") return openai.call({ model: "gpt-5.1", api: "responses", ...o, client }, () => "x")();
  if (api === "anthropic") return anthropic.call({ model: "claude-opus-4-1", ...o, client }, () => "x")();
  return google.call({ model: "gemini-2.5-flash", ...o, client }, () => "x")();
}

/** Reads a stream to its end; the tools are the raw tool calls it yielded. */
async function drain(api: Api, body: string | Uint8Array): Promise<Drained> {
  const stream = (await call(api, body)) as unknown as AsyncIterable<unknown> & {
    content: string;
    toolCalls: { name: string; args: unknown }[];
  };
  let error: unknown;
  try {
    for await (const _ of stream);
  } catch (e) {
    error = e;
  }
  return { error, content: stream.content, tools: stream.toolCalls.map(({ name, args }) => ({ name, args })) };
}

/** The frames of an event-stream body (each starts with its total length, big-endian). */
function framesOf(path: string): Uint8Array[] {
  const bytes = Uint8Array.from(atob(binaryFixtures[path]), (c) => c.charCodeAt(0));
  const frames: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const length = new DataView(bytes.buffer, at).getUint32(0);
    frames.push(bytes.subarray(at, at + length));
    at += length;
  }
  return frames;
}

const join = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

interface Case {
  path: string;
  api: Api;
  /** The events (or frames) of the whole body. */
  events: (string | Uint8Array)[];
  /** The index of the first event that says the answer is whole: cuts before it must reject. */
  finish: number;
}

const sseCase = (path: string, api: Api, isFinish: (event: string) => boolean): Case => {
  const events = sseEventsOf(path);
  return { path, api, events, finish: events.findIndex(isFinish) };
};
const bedrockCase = (name: string): Case => {
  const events = framesOf(`bedrock/${name}.eventstream`);
  const decoder = new TextDecoder();
  return { path: name, api: "bedrock", events, finish: events.findIndex((f) => decoder.decode(f).includes("messageStop")) };
};

const cases: Case[] = [
  sseCase("openai/chat_stream_text.sse", "chat", (e) => /"finish_reason":"/.test(e)),
  sseCase("openai/chat_stream_tool_call.sse", "chat", (e) => /"finish_reason":"/.test(e)),
  sseCase("extra/openai/chat_stream_azure_parallel_tool_calls.sse", "chat", (e) => /"finish_reason":"/.test(e)),
  sseCase("extra/openai-compatible/mistral_stream_incremental_tool_call_cached.sse", "chat", (e) => /"finish_reason":"/.test(e)),
  sseCase("anthropic/stream_text_docs.sse", "anthropic", (e) => e.startsWith("event: message_stop")),
  sseCase("anthropic/stream_tool_use_docs.sse", "anthropic", (e) => e.startsWith("event: message_stop")),
  sseCase("extra/anthropic/stream_thinking_signature.sse", "anthropic", (e) => e.startsWith("event: message_stop")),
  sseCase("gemini/stream_text_usage_live.sse", "google", (e) => e.includes('"finishReason"')),
  sseCase("extra/gemini/stream_thought_summaries_function_call.sse", "google", (e) => e.includes('"finishReason"')),
  sseCase("extra/openai/responses_stream_function_call.sse", "responses", (e) => e.startsWith("event: response.completed")),
  sseCase("extra/openai/responses_stream_reasoning_summary_rotating_ids.sse", "responses", (e) =>
    e.startsWith("event: response.completed"),
  ),
  bedrockCase("converse_stream_tool_use_claude3_sonnet"),
  bedrockCase("converse_stream_text_nova_micro"),
];

/** The body cut before event `n`, or in the middle of it. */
function cutBody(events: Case["events"], n: number, mid: boolean): string | Uint8Array {
  const next = events[n];
  if (typeof next === "string") {
    const head = (events as string[]).slice(0, n).join("");
    return mid ? head + next.slice(0, Math.ceil(next.length / 2)) : head;
  }
  const head = (events as Uint8Array[]).slice(0, n);
  return join(mid ? [...head, next.subarray(0, next.length >> 1)] : head);
}

describe("a stream cut anywhere before its finish rejects, keeping the text so far", () => {
  for (const { path, api, events, finish } of cases)
    it(path, async () => {
      expect(finish).toBeGreaterThan(0);
      const whole = await drain(api, typeof events[0] === "string" ? (events as string[]).join("") : join(events as Uint8Array[]));
      expect(whole.error).toBeUndefined();
      for (let n = 0; n < events.length; n++)
        for (const mid of [false, true]) {
          const at = `${path}: cut ${mid ? "inside" : "before"} event ${n} of ${events.length}`;
          const cut = await drain(api, cutBody(events, n, mid));
          // A tool is yielded only whole: what a cut stream yielded is a prefix of the whole stream's tools.
          expect(cut.tools, at).toEqual(whole.tools.slice(0, cut.tools.length));
          if (cut.error === undefined) {
            // A cut after the finish may end quietly (usage may be lost, never text or a tool).
            expect(n > finish || (n === finish && mid), at).toBe(true);
            expect([cut.content, cut.tools], at).toEqual([whole.content, whole.tools]);
            continue;
          }
          const error = cut.error as PromptcallError & { content?: string };
          expect(PromptcallError.isInstance(error), at).toBe(true);
          // Dropped mid-event is a dropped connection, not malformed data: NetworkError or StreamError, not ParseError.
          expect(error.name, at).toBe(api === "anthropic" || api === "bedrock" ? "StreamError" : "NetworkError");
          expect(error.content, at).toBe(cut.content);
          expect(whole.content.startsWith(cut.content), at).toBe(true);
        }
    });
});

describe("a provider's error event anywhere before the finish is a StreamError keeping the text so far", () => {
  // The recorded error events, put after every event of a recorded stream up to its finish.
  const errorEvent = (path: string, match: RegExp) => sseEventsOf(path).find((e) => match.test(e)) as string;
  const errors: Record<string, string> = {
    chat: errorEvent("extra/openai-compatible/openrouter_stream_error_chunk_after_length.sse", /"error":\{/),
    anthropic: errorEvent("extra/anthropic/stream_error_overloaded_docs.sse", /^event: error/),
    responses: errorEvent("extra/openai/responses_stream_error_server_error_null_code.sse", /^event: error/),
  };
  for (const { path, api, events, finish } of cases.filter((c) => errors[c.api]))
    it(path, async () => {
      const whole = await drain(api, (events as string[]).join(""));
      for (let n = 0; n < finish; n++) {
        const at = `${path}: error event after event ${n}`;
        const failed = await drain(api, [...(events as string[]).slice(0, n), errors[api]].join(""));
        expect((failed.error as Error | undefined)?.name, at).toBe("StreamError");
        expect((failed.error as { content: string }).content, at).toBe(failed.content);
        expect(whole.content.startsWith(failed.content), at).toBe(true);
        expect(failed.tools, at).toEqual(whole.tools.slice(0, failed.tools.length));
      }
    });
});

describe("Responses API: response.incomplete ends the stream with its reason, never quietly as a stop", () => {
  it("the recorded incomplete response (max_output_tokens) as the stream's last event", async () => {
    const events = sseEventsOf("extra/openai/responses_stream_reasoning_summary_rotating_ids.sse");
    const completed = events.findIndex((e) => e.startsWith("event: response.completed"));
    const response = JSON.parse(fixtures["extra/openai/responses_incomplete_max_output_tokens.json"]);
    const incomplete = `event: response.incomplete\ndata: ${JSON.stringify({ type: "response.incomplete", sequence_number: 99, response })}\n\n`;
    const fetch = replay([...events.slice(0, completed), incomplete].join(""), "text/event-stream");
    const stream = await openai.call(
      { model: "gpt-5.1", api: "responses", stream: true, retry: false, client: { apiKey: "k", fetch } },
      () => "x",
    )();
    for await (const _ of stream);
    expect(stream.finishReasons).toEqual(["max_output_tokens"]);
    expect(stream.commonFinishReasons).toEqual(["length"]);
    expect(stream.content).toBe((await drain("responses", events.join(""))).content);
  });
});

describe("sseEvents: a body that ends inside its last event", () => {
  const decode = async (text: string, isComplete?: () => boolean) => {
    const events: string[] = [];
    const body = new Response(text).body as ReadableStream<Uint8Array>;
    try {
      for await (const event of sseEvents(body, { isComplete })) events.push(event.data);
    } catch (error) {
      return { events, error: (error as Error).name };
    }
    return { events };
  };

  it("does not dispatch an event whose JSON the body cut, and reports the cut", async () => {
    expect(await decode('data: {"a":1}\n\ndata: {"a":', () => false)).toEqual({ events: ['{"a":1}'], error: "NetworkError" });
    expect(await decode('data: {"a":1}\n\ndata: [DO', () => true)).toEqual({ events: ['{"a":1}'] });
  });

  it("still dispatches a final event that only lacks its line break: whole JSON, [DONE], plain text", async () => {
    for (const last of ['{"a":2}', "[DONE]", "[1,2]", "last", "{ not json but ended by a newline"]) {
      const text = `data: {"a":1}\n\ndata: ${last}${last.startsWith("{ not") ? "\n" : ""}`;
      expect(await decode(text)).toEqual({ events: ['{"a":1}', last] });
    }
  });
});

describe("OpenAI Chat Completions with several choices (n > 1)", () => {
  // With `n`, each chunk carries one choice named by its `index` (https://platform.openai.com/docs/api-reference/chat-streaming/streaming:
  // "choices: ... Can contain more than one elements if n is greater than 1"). Built from the recorded
  // stream with its chunks given index 1 for the second choice. The stream's text is choice 0's.
  const events = sseEventsOf("openai/chat_stream_text.sse");
  const second = (event: string) => event.replace('"index":0', '"index":1');

  it("another choice finishing does not make a stream cut inside choice 0 complete", async () => {
    const body = [events[0], second(events[0]), events[1], second(events[2]), second(events[9]), events[2]].join("");
    const cut = await drain("chat", body);
    expect(NetworkError.isInstance(cut.error)).toBe(true);
    expect((cut.error as NetworkError).content).toBe("The capital");
  });

  it("a whole stream with two choices ends with choice 0's text and finish reason", async () => {
    const body = [events[0], second(events[0]), ...events.slice(1, 10).flatMap((e) => [e, second(e)]), ...events.slice(10)].join("");
    const stream = await call("chat", body);
    for await (const _ of stream);
    expect(stream.content).toBe("The capital of the UK is London.");
    expect(stream.finishReasons).toEqual(["stop"]);
  });
});

describe("Gemini with several candidates (candidateCount > 1)", () => {
  // Each candidate is named by its `index` (https://ai.google.dev/api/generate-content#candidate); built from
  // the recorded stream with a second candidate (index 1) that finishes first. The stream's text is candidate 0's.
  const events = sseEventsOf("gemini/stream_text_usage_live.sse");
  const second = (event: string) => event.replace('"index": 0', '"index": 1');

  it("another candidate finishing does not make a stream cut inside candidate 0 complete, nor adds its text", async () => {
    const first = await drain("google", events[0]);
    const cut = await drain("google", [events[0], second(events[2])].join(""));
    expect(NetworkError.isInstance(cut.error)).toBe(true);
    expect(cut.content).toBe(first.content);
    expect((cut.error as NetworkError).content).toBe(first.content);
  });
});

describe("a 2xx body that is an error is an error, not an empty answer", () => {
  const callWith = (api: Api, body: string) => {
    const client = { apiKey: "k", fetch: replay(body, "application/json") };
    const o = { retry: false as const };
    if (api === "anthropic") return anthropic.call({ model: "claude-opus-4-1", ...o, client }, () => "x")();
    if (api === "google") return google.call({ model: "gemini-2.5-flash", ...o, client }, () => "x")();
    if (api === "responses") return openai.call({ model: "gpt-5.1", api: "responses", ...o, client }, () => "x")();
    if (api === "chat") return openai.call({ model: "gpt-4o-mini", ...o, client }, () => "x")();
    return bedrock.call({ model: "m", ...o, client: { ...credentials, fetch: replay(body, "application/json") } }, () => "x")();
  };
  // The recorded error bodies, served with status 200 (as a gateway or proxy may).
  const failedResponse = sseEventsOf("extra/openai/responses_stream_error_insufficient_quota.sse")
    .map((e) => e.match(/^data: (.*)$/m)?.[1] ?? "")
    .map((data) => JSON.parse(data) as { type: string; response?: unknown })
    .find((e) => e.type === "response.failed")?.response;
  const bodies: [Api, string, RegExp][] = [
    ["chat", fixtures["openai/error_429_insufficient_quota.json"], /quota/],
    ["anthropic", fixtures["anthropic/error_404_not_found.json"], /model: claude-sonet-4-5/],
    ["google", fixtures["gemini/error_404_not_found.json"], /not found/i],
    ["responses", JSON.stringify(failedResponse), /exceeded your current quota/],
    ["bedrock", fixtures["bedrock/error_400_validation_invalid_model_converse.json"], /model identifier is invalid/],
  ];
  for (const [api, body, message] of bodies)
    it(`${api}: an APIError with status 200 and the provider's message`, async () => {
      const error = await rejection(callWith(api, body));
      expect([api, APIError.isInstance(error)]).toEqual([api, true]);
      expect((error as APIError).status).toBe(200);
      expect((error as APIError).message).toMatch(message);
    });

  it("a 2xx body that is an answer still is one (recorded answers of each API)", async () => {
    expect((await callWith("anthropic", fixtures["anthropic/text.json"])).content).not.toBe("");
    expect((await callWith("google", fixtures["gemini/generate_text.json"])).content).not.toBe("");
    expect((await callWith("bedrock", fixtures["bedrock/converse_text_llama3_2_1b.json"])).content).not.toBe("");
  });
});

describe("Bedrock: messageStop without metadata", () => {
  const frames = framesOf("bedrock/converse_stream_text_nova_micro.eventstream");
  const withoutMetadata = frames.slice(0, -1);
  const text = new TextDecoder();
  it("the body closing after messageStop ends the stream with the whole text (usage unknown)", async () => {
    expect(text.decode(frames.at(-1))).toContain("metadata");
    const cut = await drain("bedrock", join(withoutMetadata));
    expect(cut.error).toBeUndefined();
    expect(cut.content).toContain("Paris");
  });

  it("a server that then stalls ends in the idle timeout's TimeoutError keeping the text, never a hang", async () => {
    const fetch = async () =>
      new Response(new ReadableStream({ start: (c) => c.enqueue(join(withoutMetadata)) }), {
        headers: { "content-type": "application/vnd.amazon.eventstream" },
      });
    const stream = await bedrock.call(
      { model: "m", stream: true, retry: false, timeout: { idleMs: 30 }, client: { ...credentials, fetch } },
      () => "x",
    )();
    const error = await rejection(
      (async () => {
        for await (const _ of stream);
      })(),
    );
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect((error as TimeoutError).content).toContain("Paris");
  });
});

describe("structured output cut off by the token limit", () => {
  // The recorded text stream, its first delta replaced by JSON the limit cut, its finish reason "length".
  const events = sseEventsOf("openai/chat_stream_text.sse");
  const cutJson = events[1].replace('"content":"The"', `"content":${JSON.stringify('{"a": "hel')}`);
  const body = [events[0], cutJson, events[9].replace('"finish_reason":"stop"', '"finish_reason":"length"'), ...events.slice(10)].join("");
  const Answer = z.object({ a: z.string() });

  it("a structured stream's final() is a ValidationError naming the finish reason, not a partial object", async () => {
    const fetch = replay(body, "text/event-stream");
    const stream = await openai.call(
      { model: "gpt-4o-mini", stream: true, responseModel: Answer, retry: false, client: { apiKey: "k", fetch } },
      () => "x",
    )();
    const error = await rejection(stream.final());
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).message).toContain("(finish reason: length)");
    expect((error as ValidationError).raw).toBe('{"a": "hel');
  });
});

describe("the worker's event stream forwards a mid-stream failure", () => {
  it("an onError that throws (a broken logger) still lets the page see the provider's error", async () => {
    const events = sseEventsOf("openai/chat_stream_text.sse");
    const overloaded = 'data: {"error":{"message":"The server is overloaded","type":"server_error"}}\n\n';
    const fetch = replay([...events.slice(0, 4), overloaded].join(""), "text/event-stream");
    const stream = await openai.call({ model: "gpt-4o-mini", stream: true, retry: false, client: { apiKey: "k", fetch } }, () => "x")();
    const body = toEventStream(stream, {
      onError: () => {
        throw new Error("the logger broke");
      },
    });
    const error = await rejection(
      (async () => {
        for await (const _ of readEventStream(new Response(body)));
      })(),
    );
    expect((error as { name: string }).name).toBe("StreamError");
    expect((error as { code: string }).code).toBe("StreamError");
    expect((error as Error).message).toContain("overloaded");
    expect((error as { content: string }).content).toBe("The capital of");
  });
});
