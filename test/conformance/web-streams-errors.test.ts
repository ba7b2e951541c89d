// Bad input to the SSE decoder ends in a typed error, never a hang.
import { describe, expect, it } from "vitest";
import { NetworkError } from "../../src/errors/network-error.ts";
import { ParseError } from "../../src/errors/parse-error.ts";
import { PromptcallError } from "../../src/errors/promptcall-error.ts";
import { DEFAULT_MAX_LINE_LENGTH } from "../../src/web-streams/sse-decoder.ts";
import type { SseEvent } from "../../src/web-streams/sse-decoder.ts";
import { sseEvents } from "../../src/web-streams/sse-events.ts";
import type { SseEventsOptions } from "../../src/web-streams/sse-events.ts";

const encoder = new TextEncoder();

/** A body serving `chunks`, then closing or erroring with `failure`; counts cancels. */
function body(chunks: (string | Uint8Array)[], failure?: unknown) {
  const state = { cancelled: 0, reason: undefined as unknown };
  let next = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (next < chunks.length) {
          const chunk = chunks[next++];
          controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
        } else if (failure !== undefined) controller.error(failure);
        else controller.close();
      },
      cancel(reason) {
        state.cancelled++;
        state.reason = reason;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

/** Collects events until the stream ends or fails; returns both. */
async function drain(stream: ReadableStream<Uint8Array>, options?: SseEventsOptions) {
  const events: SseEvent[] = [];
  try {
    for await (const event of sseEvents(stream, options)) events.push(event);
    return { events, error: undefined as unknown };
  } catch (error) {
    return { events, error };
  }
}

describe("sseEvents on bad input", () => {
  it("turns a body that fails mid-stream into a NetworkError, after the events before it", async () => {
    const cause = new TypeError("terminated");
    const { stream } = body(["data: 1\n\ndata: 2\n\nda"], cause);
    const { events, error } = await drain(stream);
    expect(events).toEqual([{ data: "1" }, { data: "2" }]);
    expect(NetworkError.isInstance(error)).toBe(true);
    expect((error as NetworkError).name).toBe("NetworkError");
    expect((error as NetworkError).message).toContain("terminated");
    expect((error as NetworkError).cause).toBe(cause);
  });

  it("passes a promptcall error from the body through unchanged", async () => {
    const failure = new PromptcallError("already typed");
    const { error } = await drain(body(["data: 1\n\n"], failure).stream);
    expect(error).toBe(failure);
  });

  it("rejects invalid UTF-8 with a ParseError and cancels the body", async () => {
    for (const bad of [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0x80]]) {
      const { stream, state } = body(["data: ok\n\n", "data: ", new Uint8Array(bad), "\n\n", "data: never\n\n"]);
      const { events, error } = await drain(stream);
      expect(events, bad.join(",")).toEqual([{ data: "ok" }]);
      expect(ParseError.isInstance(error), bad.join(",")).toBe(true);
      expect((error as ParseError).message).toMatch(/Invalid UTF-8/);
      expect(state.cancelled).toBe(1);
    }
  });

  it("rejects a body that ends inside a multi-byte character", async () => {
    const euro = encoder.encode("€");
    const { error } = await drain(body(["data: x\n\ndata: ", euro.slice(0, 2)]).stream);
    expect(ParseError.isInstance(error)).toBe(true);
    expect((error as ParseError).message).toMatch(/UTF-8.*truncated/);
  });

  it("rejects a line longer than maxLineLength with a ParseError naming the limit", async () => {
    const { stream, state } = body(["data: ok\n\n", `data: ${"a".repeat(600)}`, "a".repeat(600), "\n\n"]);
    const { events, error } = await drain(stream, { maxLineLength: 1000 });
    expect(events).toEqual([{ data: "ok" }]);
    expect(ParseError.isInstance(error)).toBe(true);
    expect((error as ParseError).message).toContain("SSE line exceeds 1000 bytes");
    expect((error as ParseError).raw.length).toBeGreaterThan(0);
    expect(state.cancelled).toBe(1);
  });

  it("counts the limit in bytes, not characters", async () => {
    const line = `data: ${"é".repeat(300)}`; // 306 characters, 606 bytes
    const { error } = await drain(body([line]).stream, { maxLineLength: 500 });
    expect((error as ParseError).message).toContain("SSE line exceeds 500 bytes");
    const ok = await drain(body([`${line}\n\n`]).stream, { maxLineLength: 700 });
    expect(ok.error).toBeUndefined();
  });

  it("rejects an event whose many data lines add up past the limit", async () => {
    const lines = Array.from({ length: 40 }, () => `data: ${"b".repeat(40)}\n`);
    const { error } = await drain(body(lines).stream, { maxLineLength: 1000 });
    expect(ParseError.isInstance(error)).toBe(true);
    expect((error as ParseError).message).toContain("SSE event exceeds 1000 bytes");
  });

  it("has an 8 MiB default limit that stops an endless line", async () => {
    expect(DEFAULT_MAX_LINE_LENGTH).toBe(8 * 1024 * 1024);
    const piece = encoder.encode("x".repeat(64 * 1024));
    let served = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        served++;
        controller.enqueue(piece);
      },
    });
    const { error } = await drain(endless);
    expect((error as ParseError).message).toContain(`SSE line exceeds ${8 * 1024 * 1024} bytes`);
    expect(served * piece.length).toBeLessThan(9 * 1024 * 1024);
  });

  it("rejects with the signal's reason when aborted mid-stream, and cancels the body", async () => {
    const controller = new AbortController();
    const reason = new Error("user stopped");
    const { stream, state } = body(["data: 1\n\n", "data: 2\n\n", "data: 3\n\n"]);
    const events: string[] = [];
    let caught: unknown;
    try {
      for await (const event of sseEvents(stream, { signal: controller.signal })) {
        events.push(event.data);
        controller.abort(reason);
      }
    } catch (error) {
      caught = error;
    }
    expect(caught).toBe(reason);
    expect(events).toEqual(["1"]);
    expect(state.cancelled).toBe(1);
  });

  it("rejects at once for an already-aborted signal", async () => {
    const reason = new Error("too late");
    const { stream, state } = body(["data: 1\n\n"]);
    const { events, error } = await drain(stream, { signal: AbortSignal.abort(reason) });
    expect(error).toBe(reason);
    expect(events).toEqual([]);
    expect(stream.locked).toBe(false);
    expect(state.cancelled).toBe(0);
  });

  it("ends a pending read when the signal aborts while the body is silent", async () => {
    const controller = new AbortController();
    let cancelled = 0;
    const silent = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(encoder.encode("data: hello\n\n"));
      },
      cancel() {
        cancelled++;
      },
    });
    const seen: string[] = [];
    const { error } = await (async () => {
      try {
        for await (const event of sseEvents(silent, { signal: controller.signal })) {
          seen.push(event.data);
          setTimeout(() => controller.abort(new Error("timeout")), 10);
        }
        return { error: undefined as unknown };
      } catch (e) {
        return { error: e };
      }
    })();
    expect(seen).toEqual(["hello"]);
    expect((error as Error).message).toBe("timeout");
    expect(cancelled).toBe(1);
  });
});
