// Bedrock errors: HTTP errors mapped from the status, the `x-amzn-errortype` header and the body's
// `message` (the two recorded error responses, and the documented ThrottlingException 429);
// exception messages in the middle of a ConverseStream (Amazon Event Stream specification, "Modeled"
// and "Unmodeled Error Events") become StreamErrors keeping the text so far; a stream cut before
// messageStop is a StreamError; secrets never appear in an error.
import { EventStreamCodec } from "@smithy/eventstream-codec";
import { fromUtf8, toUtf8 } from "@smithy/util-utf8";
import { describe, expect, it } from "vitest";
import { AuthenticationError } from "../../src/errors/authentication-error.ts";
import { BadRequestError } from "../../src/errors/bad-request-error.ts";
import { ParseError } from "../../src/errors/parse-error.ts";
import { RateLimitError } from "../../src/errors/rate-limit-error.ts";
import { StreamError } from "../../src/errors/stream-error.ts";
import { bedrock } from "../../src/providers/bedrock/index.ts";
import { createReplayFetch, type ReplayResponse } from "../../src/testing/replay-fetch.ts";
import { binaryFixtures, fixtures } from "../fixtures/index.ts";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const TOKEN = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";
const client = { region: "us-east-1", accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET, sessionToken: TOKEN };
const MODEL = "anthropic.claude-3-sonnet-20240229-v1:0";
const codec = new EventStreamCodec(toUtf8, fromUtf8);

interface ExpectedError {
  status: number;
  error_type: string;
  message: string;
}

function recordedError(name: string): { response: ReplayResponse; expected: ExpectedError } {
  const meta = JSON.parse(fixtures[`bedrock/${name}.meta.json`]) as { response_status: number; response_headers: Record<string, string> };
  return {
    response: { status: meta.response_status, headers: meta.response_headers, body: fixtures[`bedrock/${name}.json`] },
    expected: JSON.parse(fixtures[`bedrock/${name}.expect.json`]) as ExpectedError,
  };
}

async function callWith(response: ReplayResponse) {
  const fetch = createReplayFetch(response);
  const result = await bedrock
    .call({ model: MODEL, retry: false, client: { ...client, fetch } }, () => "Hi")()
    .catch((e: unknown) => e);
  return { fetch, error: result as Error & Record<string, unknown> };
}

/** The first `count` messages of the recorded tool-use stream (messageStart and text deltas "Okay", ",", " let"). */
function headOfStream(count: number): Uint8Array {
  const bytes = Uint8Array.from(atob(binaryFixtures["bedrock/converse_stream_tool_use_claude3_sonnet.eventstream"]), (c) =>
    c.charCodeAt(0),
  );
  let at = 0;
  for (let i = 0; i < count; i++) at += new DataView(bytes.buffer).getUint32(at);
  return bytes.slice(0, at);
}

function frame(headers: Record<string, string>, body: string): Uint8Array {
  const typed = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, { type: "string" as const, value: v }]));
  return codec.encode({ headers: typed, body: new TextEncoder().encode(body) });
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function streamWith(body: Uint8Array, seed?: number) {
  const fetch = createReplayFetch({
    body,
    headers: { "content-type": "application/vnd.amazon.eventstream" },
    chunking: seed === undefined ? "whole" : { seed, maxChunkSize: 11 },
  });
  const stream = await bedrock.call({ model: MODEL, stream: true, retry: false, client: { ...client, fetch } }, () => "Hi")();
  let text = "";
  const error = await (async () => {
    for await (const [chunk] of stream) text += chunk.content;
  })().catch((e: unknown) => e);
  return { text, error: error as Error & Record<string, unknown>, stream, fetch };
}

describe("bedrock HTTP errors", () => {
  it("recorded 400 ValidationException: BadRequestError named by x-amzn-errortype, with the body's message and the request id", async () => {
    const { response, expected } = recordedError("error_400_validation_invalid_model_converse");
    const { error } = await callWith(response);
    expect(BadRequestError.isInstance(error)).toBe(true);
    expect(error.status).toBe(expected.status);
    expect(error.type).toBe(expected.error_type);
    expect(error.code).toBe("ValidationException");
    expect(error.provider).toBe("bedrock");
    expect(error.requestId).toBe("7fdbc480-6d28-4d1c-abbc-bd7f17c7dfec");
    expect(error.message).toContain(`bedrock returned HTTP 400 (ValidationException): ${expected.message.replace(/\.$/, "")}.`);
    expect(error.isRetryable).toBe(false);
  });

  it("recorded 403 ExpiredTokenException: AuthenticationError, not retried", async () => {
    const { response, expected } = recordedError("error_403_expired_token_invoke");
    const { error, fetch } = await callWith(response);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error.type).toBe("ExpiredTokenException");
    expect(error.message).toContain(expected.message);
    expect(fetch.requests).toHaveLength(1);
  });

  it("429 ThrottlingException is a retryable RateLimitError; the body's __type names it when the header is missing", async () => {
    const { error } = await callWith({
      status: 429,
      headers: {
        "content-type": "application/json",
        "x-amzn-errortype": "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/",
      },
      body: JSON.stringify({ message: "Too many requests, please wait before trying again." }),
    });
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.type).toBe("ThrottlingException");
    expect(error.isRetryable).toBe(true);
    const bare = await callWith({
      status: 400,
      body: JSON.stringify({ __type: "com.amazon.coral.validate#ValidationException", Message: "1 validation error detected" }),
    });
    expect(bare.error.type).toBe("ValidationException");
    expect(bare.error.message).toContain("1 validation error detected");
  });

  it("the secret key and session token never appear in an error, its JSON or its body", async () => {
    const { error } = await callWith({
      status: 403,
      headers: { "x-amzn-errortype": "InvalidSignatureException" },
      body: JSON.stringify({ message: `Signature mismatch for ${SECRET} with token ${TOKEN}` }),
    });
    const everything = `${error.message} ${JSON.stringify(error)} ${JSON.stringify(error.body)} ${String(error.stack)}`;
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(TOKEN);
    expect(error.message).toContain("[redacted]");
  });
});

describe("bedrock stream errors", () => {
  const exception = frame(
    { ":message-type": "exception", ":exception-type": "throttlingException", ":content-type": "application/json" },
    JSON.stringify({ message: "Too many tokens, please wait before trying again." }),
  );

  it("an exception message mid-stream is a retryable StreamError keeping the text so far, at any chunking", async () => {
    for (const seed of [undefined, 1, 2, 3]) {
      const { text, error, stream } = await streamWith(concat(headOfStream(4), exception), seed);
      expect(StreamError.isInstance(error)).toBe(true);
      expect(error.type).toBe("throttlingException");
      expect(error.isRetryable).toBe(true);
      expect(error.content).toBe("Okay, let");
      expect(text).toBe("Okay, let");
      expect(stream.content).toBe("Okay, let");
      expect(error.message).toContain(
        "Bedrock reported throttlingException in the middle of the stream: Too many tokens, please wait before trying again.",
      );
      expect(error.partial).toEqual({ content: [{ text: "Okay, let" }] });
    }
  });

  it("a validationException is not retryable; an unmodeled error message reads its code and message headers", async () => {
    const validation = frame(
      { ":message-type": "exception", ":exception-type": "validationException" },
      JSON.stringify({ message: "Bad input" }),
    );
    const first = await streamWith(concat(headOfStream(2), validation));
    expect(StreamError.isInstance(first.error)).toBe(true);
    expect(first.error.isRetryable).toBe(false);
    expect(first.error.message).toContain("check the request");
    const unmodeled = frame(
      { ":message-type": "error", ":error-code": "InternalError", ":error-message": "An internal server error occurred." },
      "",
    );
    const second = await streamWith(concat(headOfStream(3), unmodeled));
    expect(StreamError.isInstance(second.error)).toBe(true);
    expect(second.error.type).toBe("InternalError");
    expect(second.error.message).toContain("An internal server error occurred");
    expect(second.text).toBe("Okay,");
  });

  it("a body that ends before messageStop is a retryable StreamError; one without messageStart says it is not a ConverseStream", async () => {
    const cut = await streamWith(headOfStream(10));
    expect(StreamError.isInstance(cut.error)).toBe(true);
    expect(cut.error.isRetryable).toBe(true);
    expect(cut.error.message).toMatch(/ended before `messageStop`/);
    expect(cut.error.content).toBe(cut.text);
    const empty = await streamWith(new Uint8Array(0));
    expect(StreamError.isInstance(empty.error)).toBe(true);
    expect(empty.error.message).toMatch(/no `messageStart` event/);
  });

  it("an event whose payload is not JSON is a ParseError; a message of an unknown type too", async () => {
    const bad = frame({ ":message-type": "event", ":event-type": "contentBlockDelta" }, "{not json");
    const parsed = await streamWith(concat(headOfStream(2), bad));
    expect(ParseError.isInstance(parsed.error)).toBe(true);
    expect(parsed.error.raw).toBe("{not json");
    const odd = frame({ ":message-type": "surprise" }, "{}");
    const unknown = await streamWith(concat(headOfStream(2), odd));
    expect(ParseError.isInstance(unknown.error)).toBe(true);
    expect(unknown.error.message).toContain('"surprise"');
  });

  it("the loop ends at metadata after messageStop without reading the rest of the body", async () => {
    const whole = Uint8Array.from(atob(binaryFixtures["bedrock/converse_stream_tool_use_claude3_sonnet.eventstream"]), (c) =>
      c.charCodeAt(0),
    );
    const trailing = frame(
      { ":message-type": "event", ":event-type": "contentBlockDelta" },
      JSON.stringify({ contentBlockIndex: 0, delta: { text: "late" } }),
    );
    const { error, stream, fetch } = await streamWith(concat(whole, trailing, new Uint8Array([1, 2, 3])));
    expect(error).toBeUndefined();
    expect(stream.content).not.toContain("late");
    expect(stream.usage?.outputTokens).toBe(64);
    expect(fetch.cancelled).toBe(1);
  });
});
