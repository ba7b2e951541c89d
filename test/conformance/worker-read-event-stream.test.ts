// The client side of promptcall's SSE format: readEventStream and streamText, round-tripped with the server side.
import { describe, expect, it } from "vitest";
import { NetworkError } from "../../src/errors/index.ts";
import { createScriptedProvider } from "../../src/testing/index.ts";
import { readEventStream, streamText, toEventStreamResponse, type ReadEvent } from "../../src/worker/index.ts";

const many = Array.from({ length: 40 }, (_, i) => `w${i} `);

function sseResponse(text: string, init?: ResponseInit): Response {
  return new Response(new TextEncoder().encode(text), { headers: { "content-type": "text/event-stream" }, ...init });
}

async function collect(response: Response, signal?: AbortSignal): Promise<ReadEvent[]> {
  const events: ReadEvent[] = [];
  for await (const event of readEventStream(response, { signal })) events.push(event);
  return events;
}

describe("readEventStream", () => {
  it("round-trips a call: text, tool_call, usage, done", async () => {
    const p = createScriptedProvider([{ chunks: ["Hel", "lo"], toolCalls: [{ id: "c1", name: "f", args: { a: [1] } }] }]);
    const s = await p.call({ model: "m", stream: true }, () => "hi")();
    const events = await collect(toEventStreamResponse(s));
    expect(events.slice(0, 3)).toEqual([
      { type: "text", delta: "Hel" },
      { type: "text", delta: "lo" },
      { type: "tool_call", id: "c1", name: "f", args: { a: [1] } },
    ]);
    expect(events[3]).toMatchObject({ type: "usage", finishReasons: ["tool_calls"], model: "m", cost: null });
    expect(events[4]).toEqual({ type: "done" });
    expect(events).toHaveLength(5);
  });

  it("throws StreamError for an error event, keeping the text received so far", async () => {
    const p = createScriptedProvider([{ chunks: many, breakAfter: 2 }]);
    const s = await p.call({ model: "m", stream: true }, () => "hi")();
    const seen: ReadEvent[] = [];
    const error = await (async () => {
      for await (const event of readEventStream(toEventStreamResponse(s))) seen.push(event);
    })().catch((e) => e);
    expect(error.name).toBe("StreamError");
    expect(error.code).toBe("NetworkError");
    expect(error.content).toBe("w0 w1 ");
    expect(error.message).toMatch(/NetworkError/);
    expect(seen.map((e) => e.type)).toEqual(["text", "text"]);
  });

  it("throws ParseError for data that is not the documented JSON, with the raw text", async () => {
    const bad = ['event: text\ndata: {"delta": 5}\n\n', "event: text\ndata: not json\n\n", "event: usage\ndata: [1]\n\n"];
    for (const text of bad) {
      const error = await collect(sseResponse(text)).catch((e) => e);
      expect(error.name).toBe("ParseError");
      expect(error.raw).toBe(text.slice(text.indexOf("data: ") + 6, -2));
    }
  });

  it("throws StreamError (code incomplete) when the stream ends before done", async () => {
    const error = await collect(sseResponse('event: text\ndata: {"delta":"par"}\n\n')).catch((e) => e);
    expect(error.name).toBe("StreamError");
    expect(error.code).toBe("incomplete");
    expect(error.content).toBe("par");
  });

  it("throws NetworkError keeping the text so far when the body read fails (connection reset)", async () => {
    const encoder = new TextEncoder();
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ === 0) controller.enqueue(encoder.encode('event: text\ndata: {"delta":"Hel"}\n\nevent: text\ndata: {"delta":"lo"}\n\n'));
        else controller.error(new TypeError("network connection was lost"));
      },
    });
    const error = await collect(new Response(body, { headers: { "content-type": "text/event-stream" } })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(NetworkError.isInstance(error)).toBe(true);
    expect((error as NetworkError).content).toBe("Hello");
    expect((error as NetworkError).cause).toBeInstanceOf(TypeError);
  });

  it("ignores unknown events and plain messages, and stops at done", async () => {
    const text =
      'data: {"x":1}\n\nevent: future\ndata: {}\n\n: comment\n\nevent: text\ndata: {"delta":"a"}\n\n' +
      'event: done\ndata: {}\n\nevent: text\ndata: {"delta":"after"}\n\n';
    expect(await collect(sseResponse(text))).toEqual([{ type: "text", delta: "a" }, { type: "done" }]);
  });

  it("throws the matching APIError for a non-2xx response", async () => {
    const res = Response.json({ error: { message: "model not allowed" } }, { status: 403 });
    const error = await collect(res).catch((e) => e);
    expect(error.name).toBe("AuthenticationError");
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/model not allowed/);
  });

  it("breaking out of the loop cancels the body, and with it the server's provider stream", async () => {
    const p = createScriptedProvider([{ chunks: many }]);
    const s = await p.call({ model: "m", stream: true }, () => "hi")();
    for await (const event of readEventStream(toEventStreamResponse(s))) if (event.type === "text") break;
    expect(p.fetch.cancelled).toBe(1);
  });

  it("an aborted signal rejects with its reason and cancels the server's stream", async () => {
    const p = createScriptedProvider([{ chunks: many, delayMs: 1 }]);
    const s = await p.call({ model: "m", stream: true }, () => "hi")();
    const controller = new AbortController();
    const reason = new Error("user left");
    const loop = (async () => {
      for await (const _ of readEventStream(toEventStreamResponse(s), { signal: controller.signal })) controller.abort(reason);
    })();
    await expect(loop).rejects.toBe(reason);
    expect(p.fetch.cancelled).toBe(1);
  });
});

describe("streamText", () => {
  it("returns the whole text and reports each delta with the text so far", async () => {
    const p = createScriptedProvider([{ chunks: ["Hel", "lo ", "wörld 👋"] }]);
    const s = await p.call({ model: "m", stream: true }, () => "hi")();
    const calls: [string, string][] = [];
    const text = await streamText(toEventStreamResponse(s), (delta, soFar) => calls.push([delta, soFar]));
    expect(text).toBe("Hello wörld 👋");
    expect(calls).toEqual([
      ["Hel", "Hel"],
      ["lo ", "Hello "],
      ["wörld 👋", "Hello wörld 👋"],
    ]);
  });
});
