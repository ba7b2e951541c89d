// The AWS event-stream frame decoder (src/providers/bedrock/event-stream-decoder.ts): every recorded
// ConverseStream body decodes to the same messages as the AWS SDK's own codec
// (@smithy/eventstream-codec, a devDependency used only here), whole and cut at random byte
// boundaries; a flipped byte, a cut-off body or garbage ends in a failure, never in silence.
import { EventStreamCodec } from "@smithy/eventstream-codec";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";
import { describe, expect, it } from "vitest";
import { crc32 } from "../../src/providers/bedrock/crc32.ts";
import { createEventStreamDecoder, type EventStreamMessage } from "../../src/providers/bedrock/event-stream-decoder.ts";
import { splitBytes } from "../../src/testing/split-bytes.ts";
import { binaryFixtures, fixtures } from "../fixtures/index.ts";

const streams = Object.keys(binaryFixtures).filter((name) => name.startsWith("bedrock/") && name.endsWith(".eventstream"));
const SEEDS = 20;

function bytesOf(name: string): Uint8Array {
  return Uint8Array.from(atob(binaryFixtures[name]), (c) => c.charCodeAt(0));
}

/** The messages as comparable values: headers and the payload text. */
function plain(messages: readonly EventStreamMessage[]) {
  return messages.map((m) => ({ headers: { ...m.headers }, body: new TextDecoder().decode(m.body) }));
}

function decodeAll(pieces: Uint8Array[]) {
  const decoder = createEventStreamDecoder();
  const out: ReturnType<typeof plain> = [];
  for (const piece of pieces) {
    const result = decoder.push(piece);
    out.push(...plain(result.messages));
    if (result.failure) return { messages: out, failure: result.failure };
  }
  const last = decoder.end();
  return { messages: out, failure: last.failure };
}

/** What the AWS SDK's codec makes of the body, split by the 4-byte total length as the SDK does. */
function decodeWithSmithy(bytes: Uint8Array) {
  const codec = new EventStreamCodec(toUtf8, fromUtf8);
  const out: { headers: Record<string, unknown>; body: string }[] = [];
  for (let at = 0; at < bytes.length; ) {
    const length = new DataView(bytes.buffer, bytes.byteOffset + at).getUint32(0);
    const message = codec.decode(bytes.subarray(at, at + length));
    const headers = Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, v.value]));
    out.push({ headers, body: new TextDecoder().decode(message.body) });
    at += length;
  }
  return out;
}

describe("AWS event-stream decoder", () => {
  it("finds every recorded ConverseStream body", () => {
    expect(streams.length).toBe(5);
  });

  it("computes CRC-32 (IEEE) like the check value and continues a running CRC", () => {
    const text = new TextEncoder().encode("123456789");
    expect(crc32(text)).toBe(0xcbf43926);
    expect(crc32(text, 4, 9, crc32(text, 0, 4))).toBe(0xcbf43926);
  });

  for (const name of streams) {
    it(`${name}: whole body, same messages as @smithy/eventstream-codec`, () => {
      const bytes = bytesOf(name);
      const { messages, failure } = decodeAll([bytes]);
      expect(failure).toBeUndefined();
      expect(messages).toHaveLength(framesOf(name));
      expect(messages).toEqual(decodeWithSmithy(bytes));
      expect(messages.every((m) => m.headers[":message-type"] === "event")).toBe(true);
    });

    it(`${name}: re-chunked at ${SEEDS} seeded random byte boundaries`, () => {
      const bytes = bytesOf(name);
      const whole = decodeAll([bytes]).messages;
      for (let seed = 1; seed <= SEEDS; seed++) {
        const pieces = splitBytes(bytes, { seed, maxChunkSize: seed % 2 ? 7 : 300 });
        const { messages, failure } = decodeAll(pieces);
        expect(failure, `seed ${seed}`).toBeUndefined();
        expect(messages, `seed ${seed}`).toEqual(whole);
      }
    });
  }

  const sample = "bedrock/converse_stream_tool_use_claude3_sonnet.eventstream";

  it("a flipped payload byte fails the message CRC, after the messages before it were delivered", () => {
    const bytes = bytesOf(sample);
    const first = new DataView(bytes.buffer).getUint32(0);
    const second = new DataView(bytes.buffer).getUint32(first);
    const corrupt = bytes.slice();
    corrupt[first + second - 10] ^= 0x01; // inside the second message's payload
    for (let seed = 1; seed <= SEEDS; seed++) {
      const { messages, failure } = decodeAll(splitBytes(corrupt, { seed, maxChunkSize: 50 }));
      expect(messages).toHaveLength(1);
      expect(failure?.reason).toMatch(/message checksum/);
      expect(failure?.offset).toBe(first);
    }
  });

  it("a corrupted length fails the prelude CRC at once, without waiting for the bytes it claims", () => {
    const bytes = bytesOf(sample);
    const corrupt = bytes.slice(0, 40);
    corrupt[1] = 0x7f; // claims a 2 GB message
    const decoder = createEventStreamDecoder();
    const result = decoder.push(corrupt);
    expect(result.messages).toHaveLength(0);
    expect(result.failure?.reason).toMatch(/prelude checksum/);
  });

  it("a body cut inside a message fails at its end; a non-event-stream body fails at once", () => {
    const bytes = bytesOf(sample);
    const cut = decodeAll([bytes.subarray(0, bytes.length - 5)]);
    expect(cut.messages).toHaveLength(framesOf(sample) - 1);
    expect(cut.failure?.reason).toMatch(/ended inside a message/);
    const json = decodeAll([new TextEncoder().encode('{"message":"The security token included in the request is expired"}')]);
    expect(json.messages).toHaveLength(0);
    expect(json.failure?.reason).toMatch(/prelude checksum/);
    expect(new TextDecoder().decode(json.failure?.bytes)).toContain('{"message"');
  });

  it("decodes every header value type of the specification", () => {
    const codec = new EventStreamCodec(toUtf8, fromUtf8);
    const encoded = codec.encode({
      headers: {
        t: { type: "boolean", value: true },
        f: { type: "boolean", value: false },
        b: { type: "byte", value: -3 },
        s: { type: "short", value: -300 },
        i: { type: "integer", value: 70000 },
        str: { type: "string", value: "héllo" },
        bin: { type: "binary", value: new Uint8Array([1, 2, 3]) },
        uuid: { type: "uuid", value: "00010203-0405-0607-0809-0a0b0c0d0e0f" },
      },
      body: new TextEncoder().encode("{}"),
    });
    const result = createEventStreamDecoder().push(encoded);
    expect(result.failure).toBeUndefined();
    const headers = result.messages[0].headers;
    expect(headers).toMatchObject({ t: true, f: false, b: -3, s: -300, i: 70000, str: "héllo" });
    expect([...(headers.bin as Uint8Array)]).toEqual([1, 2, 3]);
    expect((headers.uuid as Uint8Array).length).toBe(16);
  });
});

/** The frame count the fixture's .expect.json records. */
function framesOf(name: string): number {
  return (JSON.parse(fixtures[name.replace(".eventstream", ".expect.json")]) as { frames: number }).frames;
}
