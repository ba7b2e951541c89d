// The page and the Worker do not hang each other: `readEventStream` / `streamText` (promptcall/browser)
// end at `done` even when the Worker's stream stays open, and a signal ends a stalled read at once
// (cancelling the body); `toEventStreamResponse` (promptcall/worker) cancels the upstream call when
// the page goes away while the model is silent, for a provider's stream.
import { describe, expect, it } from "vitest";
import { readEventStream, streamText } from "../../src/browser/index.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { llm } from "../../src/index.ts";
import { toEventStreamResponse } from "../../src/worker/index.ts";
import { controlledFetch } from "./support/controlled-fetch.ts";
import { rejection, sseEventsOf } from "./support/scripted-server.ts";

/** A Worker's body: `events` (promptcall's SSE format, as toEventStreamResponse writes it), then open; `cancelled` once the page let go. */
function workerBody(events: string[]) {
  const state = { cancelled: false, reason: undefined as unknown };
  const encoder = new TextEncoder();
  let sent = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent < events.length) controller.enqueue(encoder.encode(events[sent++]));
        else return new Promise<void>(() => {});
      },
      cancel(reason) {
        state.cancelled = true;
        state.reason = reason;
      },
    },
    { highWaterMark: 0 },
  );
  return { response: new Response(body, { headers: { "content-type": "text/event-stream" } }), state };
}

const text = (delta: string) => `event: text\ndata: ${JSON.stringify({ delta })}\n\n`;
const done = "event: done\ndata: {}\n\n";

const settle = () => new Promise((r) => setTimeout(r, 30));

describe("readEventStream: no hang", () => {
  it("ends at done when the Worker's stream stays open, and lets the body go", async () => {
    const { response, state } = workerBody([text("Hel"), text("lo"), done]);
    const types: string[] = [];
    for await (const event of readEventStream(response)) types.push(event.type);
    expect(types).toEqual(["text", "text", "done"]);
    expect(state.cancelled).toBe(true);
  });

  it("streamText returns the text at done when the stream stays open", async () => {
    const { response } = workerBody([text("Hel"), text("lo"), done]);
    expect(await streamText(response)).toBe("Hello");
  });

  it("a signal ends a read the stalled Worker never answers, with its reason, cancelling the body", async () => {
    const { response, state } = workerBody([text("Hel")]);
    const controller = new AbortController();
    const seen: string[] = [];
    const reading = (async () => {
      for await (const event of readEventStream(response, { signal: controller.signal })) seen.push(event.type);
    })();
    setTimeout(() => controller.abort(new Error("user left")), 20);
    expect(await rejection(reading)).toMatchObject({ message: "user left" });
    expect(seen).toEqual(["text"]);
    expect(state.cancelled).toBe(true);
  });
});

describe("toEventStreamResponse: the page going away cancels the upstream call", () => {
  const events = sseEventsOf("openai/chat_stream_text.sse");
  const sources = {
    "a provider's stream": (fetch: typeof globalThis.fetch) =>
      openai.call({ model: "gpt-4o-mini", stream: true, client: { apiKey: "k", fetch } }, () => "Hi")(),
    // `llm.call`'s stream: toEventStreamResponse aborts through its `abort()` (without one the cancel would
    // wait behind the pending read, and the upstream went on until its next piece or its idle limit).
    "an llm stream": (fetch: typeof globalThis.fetch) =>
      llm.call({ provider: "openai", model: "gpt-4o-mini", stream: true, client: { apiKey: "k", fetch } }, () => "Hi")(),
  };
  for (const [name, start] of Object.entries(sources)) {
    it(`${name}: a cancel while the model is silent aborts the upstream request`, async () => {
      const { fetch, log } = controlledFetch({ parts: events.slice(0, 3), end: "stall" });
      const response = toEventStreamResponse((await start(fetch)) as Parameters<typeof toEventStreamResponse>[0]);
      const reader = response.body!.getReader();
      expect((await reader.read()).done).toBe(false); // the first text event
      const pending = reader.read(); // waits on the silent model
      await settle();
      await reader.cancel(new Error("tab closed"));
      await pending.catch(() => undefined);
      await settle();
      expect(log.aborted || log.cancelled).toBe(true);
    });
  }
});
