// A consumer that stops early cancels the upstream; a reader that is slow slows the source.
import { describe, expect, it } from "vitest";
import { createReplayFetch } from "../../src/testing/replay-fetch.ts";
import { iterateStream } from "../../src/web-streams/read-stream.ts";
import { sseEvents } from "../../src/web-streams/sse-events.ts";
import { toReadableStream } from "../../src/web-streams/to-readable-stream.ts";

const SSE = Array.from({ length: 20 }, (_, n) => `data: {"n":${n}}\n\n`).join("");

/** A stream of 1, 2, 3 … `count` that records how it was left. */
function counting(count = 5) {
  const state = { cancelled: 0, reason: undefined as unknown, pulls: 0 };
  const stream = new ReadableStream<number>(
    {
      pull(controller) {
        state.pulls++;
        if (state.pulls <= count) controller.enqueue(state.pulls);
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

/** An endless async generator that records pulls and whether its `finally` ran. */
function endlessSource() {
  const state = { pulls: 0, finished: false };
  async function* numbers(): AsyncGenerator<number> {
    try {
      while (true) yield ++state.pulls;
    } finally {
      state.finished = true;
    }
  }
  return { numbers, state };
}

describe("early exit cancels the upstream", () => {
  it("break out of sseEvents over a fetched body cancels that body", async () => {
    const replay = createReplayFetch({ body: SSE, chunking: { seed: 3, maxChunkSize: 7 } });
    const response = await replay("https://api.example.test/stream");
    const seen: string[] = [];
    for await (const event of sseEvents(response.body!)) {
      seen.push(event.data);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(['{"n":0}', '{"n":1}']);
    expect(replay.requests[0].cancelled).toBe(true);
    expect(replay.cancelled).toBe(1);
    expect(response.body!.locked).toBe(false);
  });

  it("a consumer that throws cancels the body", async () => {
    const { stream, state } = counting();
    const failure = new Error("consumer failed");
    await expect(
      (async () => {
        for await (const n of iterateStream(stream)) if (n === 2) throw failure;
      })(),
    ).rejects.toBe(failure);
    expect(state.cancelled).toBe(1);
    expect(stream.locked).toBe(false);
  });

  it("an error thrown into the iterator becomes the cancel reason", async () => {
    const { stream, state } = counting();
    const failure = new Error("stop with a reason");
    const iterator = iterateStream(stream);
    expect((await iterator.next()).value).toBe(1);
    await expect(iterator.throw(failure)).rejects.toBe(failure);
    expect(state.cancelled).toBe(1);
    expect(state.reason).toBe(failure);
  });

  it("a full read of sseEvents does not cancel the body", async () => {
    const replay = createReplayFetch({ body: SSE });
    const response = await replay("https://api.example.test/stream");
    let count = 0;
    for await (const _ of sseEvents(response.body!)) count++;
    expect(count).toBe(20);
    expect(replay.cancelled).toBe(0);
  });
});

describe("iterateStream", () => {
  it("yields every chunk and releases the lock at the end without cancelling", async () => {
    const { stream, state } = counting(3);
    const seen: number[] = [];
    for await (const n of iterateStream(stream)) seen.push(n);
    expect(seen).toEqual([1, 2, 3]);
    expect(stream.locked).toBe(false);
    expect(state.cancelled).toBe(0);
  });

  it("break cancels the stream and releases the lock", async () => {
    const { stream, state } = counting();
    for await (const n of iterateStream(stream)) if (n === 2) break;
    expect(state.cancelled).toBe(1);
    expect(stream.locked).toBe(false);
  });

  it("an abort rejects with the signal's reason and cancels the stream", async () => {
    const { stream, state } = counting();
    const controller = new AbortController();
    const reason = new Error("stop");
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const n of iterateStream(stream, controller.signal)) {
          seen.push(n);
          if (n === 2) controller.abort(reason);
        }
      })(),
    ).rejects.toBe(reason);
    expect(seen).toEqual([1, 2]);
    expect(state.cancelled).toBe(1);
    expect(state.reason).toBe(reason);
  });

  it("passes on the error of a stream that fails", async () => {
    const failure = new Error("broken");
    let pulls = 0;
    const stream = new ReadableStream<number>({
      pull(controller) {
        if (++pulls === 1) controller.enqueue(1);
        else controller.error(failure);
      },
    });
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const n of iterateStream(stream)) seen.push(n);
      })(),
    ).rejects.toBe(failure);
    expect(seen).toEqual([1]);
  });
});

describe("toReadableStream", () => {
  it("cancel() runs the source iterator's return(), reaching its finally", async () => {
    const { numbers, state } = endlessSource();
    const stream = toReadableStream(numbers());
    const reader = stream.getReader();
    expect((await reader.read()).value).toBe(1);
    await reader.cancel(new Error("client went away"));
    expect(state.finished).toBe(true);
  });

  it("cancel() of a derived stream reaches an sseEvents loop and cancels the fetched body", async () => {
    const replay = createReplayFetch({ body: SSE });
    const response = await replay("https://api.example.test/stream");
    async function* datas() {
      for await (const event of sseEvents(response.body!)) yield event.data;
    }
    const reader = toReadableStream(datas).getReader();
    expect((await reader.read()).value).toBe('{"n":0}');
    await reader.cancel();
    expect(replay.cancelled).toBe(1);
  });

  it("pulls the source only as fast as the reader reads (backpressure)", async () => {
    const { numbers, state } = endlessSource();
    const reader = toReadableStream(numbers).getReader();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state.pulls).toBe(0);
    for (let i = 1; i <= 5; i++) expect((await reader.read()).value).toBe(i);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state.pulls).toBe(5);
    await reader.cancel();
  });

  it("keeps at most highWaterMark items ahead of the reader", async () => {
    const { numbers, state } = endlessSource();
    const reader = toReadableStream(numbers, { highWaterMark: 3 }).getReader();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state.pulls).toBe(3);
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Refilling the queue right away or on the next read are both fine; running ahead is not.
    expect(state.pulls).toBeGreaterThanOrEqual(3);
    expect(state.pulls).toBeLessThanOrEqual(4);
    await reader.cancel();
  });

  it("closes when the source ends and errors when it throws", async () => {
    async function* three() {
      yield* [1, 2, 3];
    }
    const seen: number[] = [];
    for await (const n of iterateStream(toReadableStream(three()))) seen.push(n);
    expect(seen).toEqual([1, 2, 3]);

    const failure = new Error("source failed");
    async function* failing() {
      yield 1;
      throw failure;
    }
    const reader = toReadableStream(failing()).getReader();
    expect((await reader.read()).value).toBe(1);
    await expect(reader.read()).rejects.toBe(failure);
  });

  it("does not start a lazy source that is cancelled before any read", async () => {
    let started = 0;
    const stream = toReadableStream(() => {
      started++;
      return endlessSource().numbers();
    });
    await stream.cancel();
    expect(started).toBe(0);
  });
});

describe("toReadableStream cancelled while the source is busy", () => {
  it("calls onCancel at once, then returns the iterator once its step ends", async () => {
    let release: () => void = () => {};
    let finished = false;
    async function* slow() {
      try {
        yield 1;
        await new Promise<void>((resolve) => (release = resolve));
        yield 2;
      } finally {
        finished = true;
      }
    }
    const reasons: unknown[] = [];
    const reader = toReadableStream(slow(), { onCancel: (reason) => reasons.push(reason) }).getReader();
    expect((await reader.read()).value).toBe(1);
    const pending = reader.read(); // the source is now waiting inside its step
    await new Promise((resolve) => setTimeout(resolve, 5));
    const cancelled = reader.cancel("gone");
    expect(reasons).toEqual(["gone"]);
    expect((await pending).done).toBe(true);
    release();
    await cancelled;
    expect(finished).toBe(true);
  });
});
