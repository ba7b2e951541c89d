// Bytes → Server-Sent Events: the decoded sequence never depends on where the body was cut.
import { describe, expect, it } from "vitest";
import { splitBytes } from "../../src/testing/split-bytes.ts";
import { sseEvents } from "../../src/web-streams/sse-events.ts";
import type { SseEvent } from "../../src/web-streams/sse-decoder.ts";
import { fixtures } from "../fixtures/index.ts";

const encoder = new TextEncoder();
const RECHUNKINGS = 200;
// Small pieces are costly in browsers; one run cuts into single bytes, the others vary the size.
const MAX_CHUNK_SIZES = [3, 6, 12, 24, 48, 96, 192, 384, 768, 4096];

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function decode(chunks: Uint8Array[]): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of sseEvents(streamOf(chunks))) events.push(event);
  return events;
}

const decodeText = (text: string) => decode([encoder.encode(text)]);

/** Every way to cut `bytes` once, plus every single-byte cut. */
function allCuts(bytes: Uint8Array): Uint8Array[][] {
  const cuts: Uint8Array[][] = [[...bytes].map((b) => Uint8Array.of(b))];
  for (let at = 1; at < bytes.length; at++) cuts.push([bytes.slice(0, at), bytes.slice(at)]);
  return cuts;
}

async function expectStableUnderCuts(text: string, expected: SseEvent[]): Promise<void> {
  for (const chunks of allCuts(encoder.encode(text))) {
    expect(await decode(chunks), `cut into ${chunks.map((c) => c.length).join("+")} bytes`).toEqual(expected);
  }
}

const sseFixtures = Object.keys(fixtures)
  .filter((name) => name.endsWith(".sse"))
  .sort();

describe("sseEvents on recorded provider streams", () => {
  it("finds the recorded .sse fixtures", () => {
    expect(sseFixtures).toEqual(
      expect.arrayContaining([
        "anthropic/stream_text_docs.sse",
        "anthropic/stream_tool_use_docs.sse",
        "gemini/stream_text_usage_live.sse",
        "openai/chat_stream_text.sse",
        "openai/chat_stream_tool_call.sse",
      ]),
    );
  });

  for (const name of sseFixtures) {
    it(`${name}: the event count matches its .expect.json`, async () => {
      const expectation = JSON.parse(fixtures[name.replace(/\.sse$/, ".expect.json")]) as {
        stream: { data_events?: number; events?: number; event_counts?: Record<string, number> };
      };
      const events = await decodeText(fixtures[name]);
      const count = expectation.stream.data_events ?? expectation.stream.events;
      expect(count).toBeTypeOf("number");
      expect(events.length).toBe(count);
      for (const [eventName, n] of Object.entries(expectation.stream.event_counts ?? {})) {
        expect(events.filter((e) => e.event === eventName).length, eventName).toBe(n);
      }
      for (const event of events) if (event.data !== "[DONE]") expect(() => JSON.parse(event.data)).not.toThrow();
    });

    it(`${name}: identical events whole and under ${RECHUNKINGS} seeded re-chunkings`, async () => {
      const bytes = encoder.encode(fixtures[name]);
      const whole = await decode([bytes]);
      expect(whole.length).toBeGreaterThan(0);
      for (let seed = 1; seed <= RECHUNKINGS; seed++) {
        const maxChunkSize = seed === 1 ? 1 : MAX_CHUNK_SIZES[seed % MAX_CHUNK_SIZES.length];
        const chunks = splitBytes(bytes, { seed, maxChunkSize });
        expect(chunks.length).toBeGreaterThanOrEqual(Math.ceil(bytes.length / maxChunkSize));
        expect(await decode(chunks), `seed ${seed}, maxChunkSize ${maxChunkSize}`).toEqual(whole);
      }
    });
  }
});

describe("sseEvents on synthetic streams", () => {
  it("keeps multi-byte UTF-8 (emoji, CJK, accents) intact when cut at every byte", async () => {
    const text = 'data: {"t":"héllo 👋🏽 世界"}\n\nevent: ü\ndata: 𝄞♫\n\n';
    await expectStableUnderCuts(text, [{ data: '{"t":"héllo 👋🏽 世界"}' }, { event: "ü", data: "𝄞♫" }]);
  });

  it("reads CRLF line endings, also when cut between \\r and \\n", async () => {
    const text = "event: a\r\ndata: 1\r\n\r\ndata: 2\r\ndata: 3\r\n\r\n";
    const expected = [{ event: "a", data: "1" }, { data: "2\n3" }];
    expect(await decodeText(text)).toEqual(expected);
    await expectStableUnderCuts(text, expected);
  });

  it("reads CR-only line endings, also at the very end of the body", async () => {
    const text = "data: 1\r\rid: 7\rdata: 2\r\r";
    const expected = [{ data: "1" }, { id: "7", data: "2" }];
    expect(await decodeText(text)).toEqual(expected);
    await expectStableUnderCuts(text, expected);
  });

  it("does not make an extra event when a chunk ends in \\r and the next starts with \\n", async () => {
    const events = await decode([encoder.encode("data: a\r"), encoder.encode("\n\r"), encoder.encode("\ndata: b\r\n\r\n")]);
    expect(events).toEqual([{ data: "a" }, { data: "b" }]);
  });

  it("emits a final event that lacks its blank line, once", async () => {
    for (const ending of ["", "\n", "\r", "\r\n"]) {
      const text = `data: first\n\ndata: last${ending}`;
      expect(await decodeText(text), JSON.stringify(ending)).toEqual([{ data: "first" }, { data: "last" }]);
      await expectStableUnderCuts(text, [{ data: "first" }, { data: "last" }]);
    }
  });

  it("emits a properly ended last event exactly once", async () => {
    for (const text of ["data: x\n\n", "data: x\r\n\r\n", "data: x\r\r", "data: x\n\n\n\n"]) {
      expect(await decodeText(text), JSON.stringify(text)).toEqual([{ data: "x" }]);
    }
  });

  it("ignores comments and unknown fields, keeps event names and ids", async () => {
    const text = ": keep-alive\n\n:comment\nevent: ping\nfoo: bar\nid: 42\ndata: {}\n\n: tail\n";
    const expected = [{ event: "ping", id: "42", data: "{}" }];
    expect(await decodeText(text)).toEqual(expected);
    await expectStableUnderCuts(text, expected);
  });

  it("joins multi-line data with \\n and keeps empty data lines", async () => {
    const text = "data: one\ndata:two\ndata\ndata:  four\n\ndata:\n\n";
    expect(await decodeText(text)).toEqual([{ data: "one\ntwo\n\n four" }, { data: "" }]);
  });

  it("drops an event that has no data, as EventSource does", async () => {
    expect(await decodeText("event: lonely\n\ndata: x\n\n")).toEqual([{ data: "x" }]);
  });

  it("skips a UTF-8 byte order mark at the start", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode("data: x\n\n")]);
    for (const chunks of allCuts(bytes)) expect(await decode(chunks)).toEqual([{ data: "x" }]);
  });

  it("yields nothing for an empty body", async () => {
    expect(await decode([])).toEqual([]);
    expect(await decode([new Uint8Array(0)])).toEqual([]);
  });
});
