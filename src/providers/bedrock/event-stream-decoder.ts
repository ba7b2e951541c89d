import { crc32 } from "./crc32.ts";

/**
 * The binary `application/vnd.amazon.eventstream` framing, as the Amazon Event Stream specification
 * describes it (smithy-lang/smithy docs/source-2.0/aws/amazon-eventstream.rst): a message is a
 * 12-byte prelude (total length, headers length, CRC-32 of those 8 bytes), the headers, the payload
 * and a CRC-32 of everything before it; all integers big-endian.
 */

/** A header value: strings, booleans and integers decoded; long, byte-array, timestamp and uuid values as raw bytes. */
export type EventStreamHeaderValue = string | number | boolean | Uint8Array;

/** One decoded message: its headers (`:message-type`, `:event-type` …) and its payload bytes. */
export interface EventStreamMessage {
  headers: Record<string, EventStreamHeaderValue>;
  body: Uint8Array;
}

/** Why the bytes are not an event stream, and where; the errors are built from it lazily. */
export interface FrameFailure {
  reason: string;
  /** The byte offset in the body where the bad message starts. */
  offset: number;
  /** The first bytes of the bad message. */
  bytes: Uint8Array;
  /** The body ended inside the message (a cut connection, not corrupt bytes). */
  cut?: true;
}

/** What one push gave: the messages completed (before a failure, if one came), and the failure. */
export interface DecodeResult {
  messages: EventStreamMessage[];
  failure?: FrameFailure;
}

/**
 * Bytes → messages, chunk by chunk. The result object is reused: read it before the next push.
 * After a failure the decoder is done.
 */
export interface EventStreamDecoder {
  push(chunk: Uint8Array): DecodeResult;
  /** At the end of the body: a failure when a message was cut off. */
  end(): DecodeResult;
}

const PRELUDE = 12;
const MIN_MESSAGE = PRELUDE + 4;
/** The spec's payload (24 MiB) and header (128 KiB) limits plus the framing: a longer prelude is not a real message. */
export const MAX_MESSAGE_LENGTH = 24 * 1024 * 1024 + 128 * 1024 + MIN_MESSAGE;
/** Header value sizes of the fixed-width types 0–5 and 8–9 (6 and 7 carry a 2-byte length). */
const FIXED = [0, 0, 1, 2, 4, 8, -1, -1, 8, 16];
const utf8 = new TextDecoder();

/**
 * Creates the decoder. Chunk boundaries do not matter: bytes are kept until a whole message is
 * there. The prelude CRC is checked as soon as 12 bytes arrived, so a corrupt length fails at once
 * instead of waiting for bytes that never come; then the message CRC, then the headers.
 */
export function createEventStreamDecoder(): EventStreamDecoder {
  const tail = new ByteQueue();
  let offset = 0; // body offset of the next unread byte
  const messages: EventStreamMessage[] = [];
  const result: DecodeResult = { messages };
  const fail = (reason: string, bytes: Uint8Array, at: number, cut?: true): DecodeResult => {
    result.failure = { reason, offset: offset + at, bytes: bytes.slice(at, at + 64), cut };
    return result;
  };
  return {
    push(chunk) {
      messages.length = 0;
      if (result.failure) return result;
      // Usually nothing is pending and the chunk is read in place; otherwise it joins the tail.
      const bytes = tail.size === 0 ? chunk : tail.append(chunk);
      let at = 0;
      while (bytes.length - at >= PRELUDE) {
        const view = new DataView(bytes.buffer, bytes.byteOffset + at);
        const total = view.getUint32(0);
        const failure = checkPrelude(bytes, at, total, view.getUint32(4), view.getUint32(8));
        if (failure) return fail(failure, bytes, at);
        if (bytes.length - at < total) break;
        const message = decodeMessage(bytes.subarray(at, at + total));
        if (typeof message === "string") return fail(message, bytes, at);
        messages.push(message);
        at += total;
      }
      offset += at;
      tail.keep(bytes, at);
      return result;
    },
    end() {
      messages.length = 0;
      if (result.failure || tail.size === 0) return result;
      return fail(`the body ended inside a message (${tail.size} bytes of it arrived)`, tail.bytes(), 0, true);
    },
  };
}

/**
 * The unread bytes between chunks, in a buffer that doubles when it must grow, so a large message
 * arriving in many small chunks is copied a few times, not once per chunk.
 */
class ByteQueue {
  private buffer = new Uint8Array(0);
  size = 0;

  /** Adds a chunk after the kept bytes; returns all of them. */
  append(chunk: Uint8Array): Uint8Array {
    const needed = this.size + chunk.length;
    if (needed > this.buffer.length) {
      const grown = new Uint8Array(Math.max(needed, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, this.size));
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.size);
    this.size = needed;
    return this.buffer.subarray(0, needed);
  }

  /**
   * Keeps `bytes[from..]` for the next push. Messages just decoded may view the buffer, so the
   * kept bytes move to a new one unless nothing was consumed from it.
   */
  keep(bytes: Uint8Array, from: number): void {
    const rest = bytes.length - from;
    if (rest > 0 && (from > 0 || bytes.buffer !== this.buffer.buffer)) this.buffer = bytes.slice(from);
    this.size = rest;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.size);
  }
}

function checkPrelude(bytes: Uint8Array, at: number, total: number, headers: number, crc: number): string | undefined {
  if (crc32(bytes, at, at + 8) !== crc) return "the prelude checksum (CRC-32) does not match";
  if (total < MIN_MESSAGE || total > MAX_MESSAGE_LENGTH) return `the message length ${total} is out of range`;
  if (headers > total - MIN_MESSAGE) return `the headers length ${headers} exceeds the message`;
  return undefined;
}

/** One whole message (prelude already checked): CRC, headers, payload; a string says what is wrong. */
function decodeMessage(message: Uint8Array): EventStreamMessage | string {
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  const end = message.length - 4;
  const preludeCrc = view.getUint32(8);
  if (crc32(message, 8, end, preludeCrc) !== view.getUint32(end)) return "the message checksum (CRC-32) does not match";
  const headersEnd = PRELUDE + view.getUint32(4);
  const headers = decodeHeaders(message, view, headersEnd);
  if (typeof headers === "string") return headers;
  return { headers, body: message.subarray(headersEnd, end) };
}

function decodeHeaders(message: Uint8Array, view: DataView, end: number): EventStreamMessage["headers"] | string {
  const headers: EventStreamMessage["headers"] = {};
  let at = PRELUDE;
  while (at < end) {
    const nameEnd = at + 1 + message[at];
    if (nameEnd + 1 > end) return "a header name runs past the headers";
    const name = utf8.decode(message.subarray(at + 1, nameEnd));
    const type = message[nameEnd];
    at = nameEnd + 1;
    const size = type === 6 || type === 7 ? (at + 2 <= end ? view.getUint16(at) : end) : FIXED[type];
    if (size === undefined || size < 0) return `header "${name}" has the unknown value type ${type}`;
    const start = type === 6 || type === 7 ? at + 2 : at;
    if (start + size > end) return `header "${name}" runs past the headers`;
    headers[name] = headerValue(type, view, message, start, size);
    at = start + size;
  }
  return headers;
}

function headerValue(type: number, view: DataView, message: Uint8Array, start: number, size: number): EventStreamHeaderValue {
  switch (type) {
    case 0:
      return true;
    case 1:
      return false;
    case 2:
      return view.getInt8(start);
    case 3:
      return view.getInt16(start);
    case 4:
      return view.getInt32(start);
    case 7:
      return utf8.decode(message.subarray(start, start + size));
    default:
      return message.slice(start, start + size);
  }
}
