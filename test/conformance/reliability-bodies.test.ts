// Every body is bounded and nothing is silently lost (DESIGN.md, Reliability): dropped connections
// keep the text and the runtime's own cause, oversized bodies are capped, bodies that are not event
// streams or end before their terminal event fail, events after it are ignored and the loop does
// not wait for the server to close; retry waits are clamped; deep structured output, split
// surrogate pairs and `__proto__` keys are handled.
import { describe, expect, it } from "vitest";
import { InternalServerError, NetworkError, ParseError } from "../../src/errors/index.ts";
import { apiErrorFromResponse } from "../../src/http/api-error-from-response.ts";
import { redactDeep } from "../../src/errors/redact-secrets.ts";
import { retryDelayMs, sleep } from "../../src/http/retry.ts";
import { restoreOptional } from "../../src/core/structured/strict-json-schema.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { mergeReasoningDetails } from "../../src/providers/openai/reasoning-details.ts";
import { textResponse } from "../../src/web-streams/response.ts";
import { sseEvents } from "../../src/web-streams/sse-events.ts";
import { rejection, scriptedBaseURL, sseEventsOf, type Script } from "./support/scripted-server.ts";

const events = sseEventsOf("openai/chat_stream_text.sse");
const client = (script: Script) => ({ apiKey: "sk-test-bodies", baseURL: scriptedBaseURL(script) });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("dropped connections", () => {
  it("a reset mid-stream is a NetworkError keeping the text so far and the runtime's own cause", async () => {
    // The body breaks off as undici's does on a reset ("terminated", caused by the socket error). A
    // real reset from the test server is not used: workerd reports it as an uncaught error of its own.
    const reset = new TypeError("terminated", { cause: new Error("read ECONNRESET") });
    const fetch = async () => {
      const bytes = new TextEncoder().encode(events.slice(0, 4).join(""));
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes);
          setTimeout(() => controller.error(reset), 20);
        },
      });
      return new Response(body, { headers: { "content-type": "text/event-stream" } });
    };
    const stream = await openai.call({ model: "gpt-4o-mini", stream: true, client: { apiKey: "k", fetch } }, () => "Hi")();
    const error = (await rejection(
      (async () => {
        for await (const _ of stream);
      })(),
    )) as NetworkError;
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(error.content).toBe("The capital of");
    expect(error.cause).toBe(reset);
    expect(error.message).toMatch(/terminated \(read ECONNRESET\)/);
  });

  it("a refused connection keeps the runtime's error as cause, not a string", async () => {
    const call = openai.call({ model: "gpt-4o-mini", retry: false, client: { apiKey: "k", baseURL: "http://127.0.0.1:1/v1" } }, () => "Hi");
    const error = (await rejection(call())) as NetworkError;
    expect(NetworkError.isInstance(error)).toBe(true);
    expect(typeof error.cause).toBe("object");
    expect(error.cause).toBeInstanceOf(Error);
  });
});

describe("bounded bodies", () => {
  /** A fetch answering `size` bytes of "x" (after `head`), generated as they are read; records a cancel. */
  function bigBody(status: number, type: string, head: string, size: number) {
    const state = { produced: 0, cancelled: false };
    const chunk = new Uint8Array(1024 * 1024).fill(0x78);
    const fetch = async () =>
      new Response(
        new ReadableStream<Uint8Array>(
          {
            pull(controller) {
              if (state.produced === 0) controller.enqueue(new TextEncoder().encode(head));
              if (state.produced >= size) return controller.close();
              state.produced += chunk.byteLength;
              controller.enqueue(chunk);
            },
            cancel() {
              state.cancelled = true;
            },
          },
          { highWaterMark: 0 },
        ),
        { status, headers: { "content-type": type } },
      );
    return { fetch, state };
  }

  it("a JSON answer larger than 32 MiB is a ParseError keeping its start, not an unbounded read", async () => {
    const { fetch, state } = bigBody(200, "application/json", '{"id":"', 100 * 1024 * 1024);
    const error = (await rejection(
      openai.call({ model: "gpt-4o-mini", retry: false, client: { apiKey: "k", fetch } }, () => "Hi")(),
    )) as ParseError;
    expect(ParseError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/exceeds 33554432 bytes/);
    expect(error.raw.length).toBeGreaterThan(0);
    expect(error.raw.length).toBeLessThanOrEqual(64 * 1024);
    expect(state.cancelled).toBe(true);
    expect(state.produced).toBeLessThanOrEqual(34 * 1024 * 1024);
  });

  it("an error body is read up to 1 MiB", async () => {
    const { fetch, state } = bigBody(500, "text/plain", "", 100 * 1024 * 1024);
    const error = (await rejection(
      openai.call({ model: "gpt-4o-mini", retry: false, client: { apiKey: "k", fetch } }, () => "Hi")(),
    )) as InternalServerError;
    expect(InternalServerError.isInstance(error)).toBe(true);
    expect(String(error.body).length).toBe(1024 * 1024);
    expect(state.produced).toBeLessThanOrEqual(2 * 1024 * 1024);
  });
});

describe("event streams end where they should", () => {
  it("a body that is HTML or JSON instead of events is a ParseError keeping it", async () => {
    for (const text of ["<!doctype html><title>Gateway</title>", '{"error":{"message":"nope"}}', "[1,2]"]) {
      const error = (await rejection(
        (async () => {
          for await (const _ of sseEvents(new Response(text).body!));
        })(),
      )) as ParseError;
      expect(ParseError.isInstance(error)).toBe(true);
      expect(error.raw).toBe(text);
    }
  });

  it("the loop ends at the terminal event, ignores what follows and does not wait for the server to close", async () => {
    const response = await fetch(scriptedBaseURL({ parts: ["data: 1\n\n", "data: [DONE]\n\ndata: 2\n\n"], end: "stall" }));
    const seen: string[] = [];
    for await (const event of sseEvents(response.body!, { isTerminal: (e) => e.data === "[DONE]" })) seen.push(event.data);
    expect(seen).toEqual(["1", "[DONE]"]);
  });

  it("a stream that ends before its terminal event is a NetworkError, unless it says it is complete", async () => {
    const body = () => new Response("data: 1\n\ndata: 2\n\n").body!;
    const read = async (isComplete: () => boolean = () => false) => {
      const seen: string[] = [];
      for await (const event of sseEvents(body(), { isTerminal: (e) => e.data === "[DONE]", isComplete, provider: "p" }))
        seen.push(event.data);
      return seen;
    };
    const error = await rejection(read());
    expect(NetworkError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/p ended before its final event/);
    expect(await read(() => true)).toEqual(["1", "2"]);
    // A provider without a terminal event (Gemini) passes isComplete alone: checked at the end.
    const alone = async (done: boolean) => {
      for await (const _ of sseEvents(body(), { isComplete: () => done }));
    };
    expect(NetworkError.isInstance(await rejection(alone(false)))).toBe(true);
    await alone(true);
  });
});

describe("limits and edge values", () => {
  it("a wait above 2^31-1 ms is clamped instead of firing at once", async () => {
    expect(retryDelayMs(1, { maxRetryAfterMs: Number.POSITIVE_INFINITY }, 2 ** 32)).toBe(2 ** 31 - 1);
    const controller = new AbortController();
    const woke = sleep(2 ** 31 + 1000, controller.signal).then(
      () => "woke",
      () => "aborted",
    );
    const first = await Promise.race([woke, wait(60).then(() => "waiting")]);
    controller.abort();
    expect(first).toBe("waiting");
    expect(await woke).toBe("aborted");
  });

  it("restoring a very deep structured answer (a recursive schema) does not overflow the stack", () => {
    const schema = {
      type: "object",
      properties: { note: { type: "string" }, child: { anyOf: [{ $ref: "#" }, { type: "null" }] } },
      required: ["child"],
    };
    let value: Record<string, unknown> = { note: null, child: null };
    for (let i = 0; i < 20_000; i++) value = { note: null, child: value };
    const restored = restoreOptional(value, schema) as Record<string, unknown>;
    expect("note" in restored).toBe(false);
    expect((restored.child as Record<string, unknown>).child).toBeTypeOf("object");
  });

  it("toResponse()/textResponse keep a surrogate pair split across two deltas", async () => {
    const text = await textResponse(
      (async function* () {
        yield "a\ud83d";
        yield "\ude00b";
      })(),
    ).text();
    expect(text).toBe("a\u{1F600}b");
  });

  it("textStream() of a call keeps a surrogate pair split across two deltas", async () => {
    const delta = (content: string) =>
      `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
    const stream = await openai.call(
      { model: "gpt-4o-mini", stream: true, client: client({ parts: [delta("smile \ud83d"), delta("\ude00!"), "data: [DONE]\n\n"] }) },
      () => "Hi",
    )();
    const pieces: string[] = [];
    const reader = stream.textStream().getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) pieces.push(r.value);
    expect(pieces.join("")).toBe("smile \u{1F600}!");
    expect(pieces.every((p) => !/[\ud800-\udbff]$/.test(p))).toBe(true);
  });

  it("an own __proto__ key in a provider's JSON never replaces a prototype (redacted error bodies)", () => {
    const body = JSON.parse('{"error":{"message":"x","__proto__":{"polluted":true}}}');
    const copy = redactDeep(body, ["sk-secret"]) as { error: Record<string, unknown> };
    expect(Object.getPrototypeOf(copy.error)).toBe(Object.prototype);
    expect(Object.hasOwn(copy.error, "__proto__")).toBe(true);
    expect((copy.error as { polluted?: unknown }).polluted).toBeUndefined();
    const error = apiErrorFromResponse({ provider: "p", status: 400, body });
    expect(Object.getPrototypeOf((error.body as { error: object }).error)).toBe(Object.prototype);
  });

  it("an own __proto__ key in OpenRouter's reasoning_details pieces never replaces the merged detail's prototype", () => {
    const pieces = JSON.parse(
      '[{"type":"reasoning.text","index":0,"text":"a"},{"type":"reasoning.text","index":0,"text":"b","__proto__":{"polluted":true}}]',
    );
    const [merged] = mergeReasoningDetails([], [pieces[0]]);
    mergeReasoningDetails([merged], [pieces[1]]);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect((merged as { polluted?: unknown }).polluted).toBeUndefined();
    expect(merged.text).toBe("ab");
  });
});
