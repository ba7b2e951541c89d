// Streams wrapped as Responses: headers, exact bytes, SSE serialisation, cancellation.
import { describe, expect, it } from "vitest";
import { encodeSseEvent } from "../../src/web-streams/encode-sse-event.ts";
import { eventStreamResponse, textResponse } from "../../src/web-streams/response.ts";
import type { SseEvent } from "../../src/web-streams/sse-decoder.ts";
import { sseEvents } from "../../src/web-streams/sse-events.ts";

async function* items<T>(...values: T[]): AsyncGenerator<T> {
  yield* values;
}

function streamOf<T>(values: T[]): ReadableStream<T> {
  return new ReadableStream<T>({
    start(controller) {
      for (const value of values) controller.enqueue(value);
      controller.close();
    },
  });
}

async function bodyBytes(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}

describe("encodeSseEvent", () => {
  it("writes data, event and id lines and the blank line that dispatches", () => {
    expect(encodeSseEvent({ data: "hi" })).toBe("data: hi\n\n");
    expect(encodeSseEvent({ event: "delta", id: "7", data: "{}" })).toBe("event: delta\nid: 7\ndata: {}\n\n");
  });

  it("splits multi-line data into several data: lines, whatever the line break", () => {
    expect(encodeSseEvent({ data: "a\nb\r\nc\rd" })).toBe("data: a\ndata: b\ndata: c\ndata: d\n\n");
    expect(encodeSseEvent({ data: "" })).toBe("data: \n\n");
    expect(encodeSseEvent({ data: "end\n" })).toBe("data: end\ndata: \n\n");
  });

  it("cannot be tricked into starting a new field by a line break in event or id", () => {
    expect(encodeSseEvent({ event: "a\ndata: injected", data: "x" })).toBe("event: a data: injected\ndata: x\n\n");
    expect(encodeSseEvent({ id: "1\r\n2", data: "x" })).toBe("id: 1 2\ndata: x\n\n");
  });

  it("round-trips through sseEvents", async () => {
    const events: SseEvent[] = [
      { data: "plain" },
      { event: "multi", data: "line 1\nline 2\n\nline 4" },
      { id: "9", data: ' leading space and "quotes" 👋' },
      { data: "" },
    ];
    const bytes = new TextEncoder().encode(events.map(encodeSseEvent).join(""));
    const decoded: SseEvent[] = [];
    for await (const event of sseEvents(streamOf([bytes]))) decoded.push(event);
    expect(decoded).toEqual(events);
  });
});

describe("textResponse", () => {
  it("streams strings as UTF-8 with a text/plain content type", async () => {
    const response = textResponse(items("Hé", "llo ", "世界 👋"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await bodyBytes(response)).toEqual(new TextEncoder().encode("Héllo 世界 👋"));
  });

  it("accepts a ReadableStream<string> and keeps init's status and headers", async () => {
    const response = textResponse(streamOf(["a", "", "b"]), {
      status: 201,
      headers: { "x-extra": "1", "content-type": "text/markdown" },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-extra")).toBe("1");
    expect(response.headers.get("content-type")).toBe("text/markdown");
    expect(await response.text()).toBe("ab");
  });

  it("cancelling the response body stops the source", async () => {
    let finished = false;
    async function* endless() {
      try {
        while (true) yield "tick ";
      } finally {
        finished = true;
      }
    }
    const reader = textResponse(endless()).body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(finished).toBe(true);
  });
});

describe("eventStreamResponse", () => {
  it("serialises events with text/event-stream and no-cache headers", async () => {
    const response = eventStreamResponse(items<SseEvent>({ event: "start", data: "{}" }, { data: "two\nlines" }));
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(await response.text()).toBe("event: start\ndata: {}\n\ndata: two\ndata: lines\n\n");
  });

  it("accepts a ReadableStream of events and lets init add headers", async () => {
    const response = eventStreamResponse(streamOf<SseEvent>([{ data: "x" }]), { headers: { "x-request-id": "r1" } });
    expect(response.headers.get("x-request-id")).toBe("r1");
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(await response.text()).toBe("data: x\n\n");
  });

  it("cancelling the response body cancels a source ReadableStream", async () => {
    let cancelled = 0;
    const source = new ReadableStream<SseEvent>({
      pull(controller) {
        controller.enqueue({ data: "again" });
      },
      cancel() {
        cancelled++;
      },
    });
    const reader = eventStreamResponse(source).body!.getReader();
    await reader.read();
    await reader.cancel();
    expect(cancelled).toBe(1);
  });
});
