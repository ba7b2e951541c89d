// Errors, blocked prompts and finish reasons of the Google provider. Bodies are built from the docs:
// - Google's error model (https://cloud.google.com/apis/design/errors#error_model and #error_details):
//   `{ error: { code, message, status, details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo",
//   retryDelay: "13s" }, { "@type": "…QuotaFailure", violations: [{ quotaId, … }] }] }`; Gemini's 429
//   (https://ai.google.dev/gemini-api/docs/rate-limits) sends the wait only there, not in a header.
// - Blocked prompts (https://ai.google.dev/api/generate-content#PromptFeedback): `promptFeedback.blockReason`
//   and no candidates. Finish reasons: https://ai.google.dev/api/generate-content#FinishReason.
import { describe, expect, it } from "vitest";
import type { APIError } from "../../src/errors/api-error.ts";
import { AuthenticationError } from "../../src/errors/authentication-error.ts";
import { BadRequestError } from "../../src/errors/bad-request-error.ts";
import { ParseError } from "../../src/errors/parse-error.ts";
import { RateLimitError } from "../../src/errors/rate-limit-error.ts";
import { StreamError } from "../../src/errors/stream-error.ts";
import { PromptBlockedError } from "../../src/index.ts";
import { google, toError } from "../../src/providers/google/index.ts";
import { mapFinishReason } from "../../src/providers/google/map-finish-reason.ts";
import { createReplayFetch, fixtureResponse, type ReplayResponse } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";

const rateLimited = (retryDelay: string, quotaId = "GenerateRequestsPerMinutePerProjectPerModel-FreeTier") =>
  JSON.stringify({
    error: {
      code: 429,
      message: "You exceeded your current quota, please check your plan and billing details.",
      status: "RESOURCE_EXHAUSTED",
      details: [
        {
          "@type": "type.googleapis.com/google.rpc.QuotaFailure",
          violations: [{ quotaMetric: "generativelanguage.googleapis.com/generate_content_free_tier_requests", quotaId }],
        },
        {
          "@type": "type.googleapis.com/google.rpc.Help",
          links: [{ description: "Learn more about Gemini API quotas", url: "https://ai.google.dev/gemini-api/docs/rate-limits" }],
        },
        { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay },
      ],
    },
  });

function call(script: ReplayResponse | ReplayResponse[], options: Record<string, unknown> = {}) {
  const fetch = createReplayFetch(script);
  const run = google.call({ model: "gemini-2.5-flash", client: { fetch, apiKey: "secret-key-123" }, ...options } as any, () => "hi");
  return { fetch, run: run as () => Promise<any> };
}

const fail = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

describe("google: HTTP errors", () => {
  it("a 429 with RetryInfo becomes a RateLimitError whose retryAfterMs is the retryDelay", async () => {
    const { run } = call({ status: 429, body: rateLimited("13s") }, { retry: false });
    const error = (await fail(run())) as APIError;
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.status).toBe(429);
    expect(error.type).toBe("RESOURCE_EXHAUSTED");
    expect(error.retryAfterMs).toBe(13_000);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain("You exceeded your current quota");
  });

  it("fractional protobuf durations are read to the millisecond (rounded up)", async () => {
    const { run } = call({ status: 429, body: rateLimited("45.837906927s") }, { retry: false });
    expect(((await fail(run())) as APIError).retryAfterMs).toBe(45_838);
  });

  it("the retry waits as RetryInfo asks, then succeeds", async () => {
    const { fetch, run } = call([{ status: 429, body: rateLimited("0.06s") }, fixtureResponse(fixtures["gemini/generate_text.json"])], {
      retry: { maxRetries: 1, initialDelayMs: 5_000 },
    });
    const started = Date.now();
    const r = await run();
    expect(r.content).toBe("Hello! How can I help you today?");
    expect(fetch.requests).toHaveLength(2);
    // initialDelayMs is 5 s: finishing fast proves the 60 ms from RetryInfo was used instead.
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("a per-day quota is not retried", async () => {
    const { fetch, run } = call([{ status: 429, body: rateLimited("3600s", "GenerateRequestsPerDayPerProjectPerModel-FreeTier") }], {
      retry: { maxRetries: 2 },
    });
    const error = (await fail(run())) as APIError;
    expect(error.isRetryable).toBe(false);
    expect(fetch.requests).toHaveLength(1);
  });

  it("a 400 INVALID_ARGUMENT (also as an array envelope) is a BadRequestError; the key is redacted", async () => {
    const body = JSON.stringify([
      { error: { code: 400, message: "API key not valid: secret-key-123", status: "INVALID_ARGUMENT", details: [] } },
    ]);
    const { run } = call({ status: 400, body }, { retry: false });
    const error = (await fail(run())) as APIError;
    expect(BadRequestError.isInstance(error)).toBe(true);
    expect(error.type).toBe("INVALID_ARGUMENT");
    expect(error.message).toContain("API key not valid");
    expect(JSON.stringify(error)).not.toContain("secret-key-123");
    expect(error.message).not.toContain("secret-key-123");
  });
});

describe("google: blocked prompts and filtered candidates", () => {
  const blocked = {
    promptFeedback: {
      blockReason: "SAFETY",
      safetyRatings: [
        { category: "HARM_CATEGORY_DANGEROUS_CONTENT", probability: "HIGH", blocked: true },
        { category: "HARM_CATEGORY_HARASSMENT", probability: "NEGLIGIBLE" },
      ],
    },
    usageMetadata: { promptTokenCount: 8, totalTokenCount: 8 },
    modelVersion: "gemini-2.5-flash",
    responseId: "blocked-1",
  };

  it("a blocked prompt throws PromptBlockedError instead of an empty success", async () => {
    const { run } = call(fixtureResponse(JSON.stringify(blocked)));
    const error = (await fail(run())) as PromptBlockedError;
    expect(PromptBlockedError.isInstance(error)).toBe(true);
    expect(error.name).toBe("PromptBlockedError");
    expect(error.blockReason).toBe("SAFETY");
    expect(error.safetyRatings).toHaveLength(2);
    expect(error.message).toContain("HARM_CATEGORY_DANGEROUS_CONTENT");
    expect(error.message).toContain("safetySettings");
  });

  it("a blocked prompt in a stream throws PromptBlockedError while iterating", async () => {
    const { run } = call({ body: `data: ${JSON.stringify(blocked)}\r\n\r\n` }, { stream: true });
    const s = await run();
    const error = await fail(
      (async () => {
        for await (const _ of s) void _;
      })(),
    );
    expect(PromptBlockedError.isInstance(error)).toBe(true);
  });

  it("a candidate stopped by SAFETY is a response with no text and a content_filter finish", async () => {
    const body = {
      candidates: [
        { finishReason: "SAFETY", index: 0, safetyRatings: [{ category: "HARM_CATEGORY_HARASSMENT", probability: "HIGH", blocked: true }] },
      ],
      usageMetadata: { promptTokenCount: 5, totalTokenCount: 5 },
      modelVersion: "gemini-2.5-flash",
    };
    const { run } = call(fixtureResponse(JSON.stringify(body)));
    const r = await run();
    expect(r.content).toBe("");
    expect(r.finishReasons).toEqual(["SAFETY"]);
    expect(r.commonFinishReasons).toEqual(["content_filter"]);
    expect(r.toolCalls).toEqual([]);
    expect(r.messageParam).toEqual({ role: "model", parts: [] });
  });

  it("finish reasons map to the common ones", () => {
    const table: [string, boolean, string][] = [
      ["STOP", false, "stop"],
      ["STOP", true, "tool_calls"],
      ["MAX_TOKENS", false, "length"],
      ["SAFETY", false, "content_filter"],
      ["RECITATION", false, "content_filter"],
      ["LANGUAGE", false, "content_filter"],
      ["BLOCKLIST", false, "content_filter"],
      ["PROHIBITED_CONTENT", false, "content_filter"],
      ["SPII", false, "content_filter"],
      ["IMAGE_SAFETY", false, "content_filter"],
      ["MALFORMED_FUNCTION_CALL", false, "error"],
      ["UNEXPECTED_TOOL_CALL", false, "error"],
      ["OTHER", false, "error"],
      ["FINISH_REASON_UNSPECIFIED", false, "error"],
    ];
    for (const [raw, calledTools, common] of table) expect([raw, mapFinishReason(raw, calledTools)]).toEqual([raw, common]);
  });
});

describe("google: stream failures", () => {
  it("an error event mid-stream throws StreamError keeping the text received so far", async () => {
    const body =
      `data: ${JSON.stringify({ candidates: [{ content: { role: "model", parts: [{ text: "Partial " }] }, index: 0 }] })}\r\n\r\n` +
      `data: ${JSON.stringify({ error: { code: 503, message: "The model is overloaded. Please try again later.", status: "UNAVAILABLE" } })}\r\n\r\n`;
    const { run } = call({ body }, { stream: true });
    const s = await run();
    const error = (await fail(
      (async () => {
        for await (const _ of s) void _;
      })(),
    )) as StreamError;
    expect(StreamError.isInstance(error)).toBe(true);
    expect(error.content).toBe("Partial ");
    expect(error.type).toBe("UNAVAILABLE");
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain("overloaded");
  });

  it("an event that is not JSON throws ParseError with the raw text", async () => {
    const { run } = call({ body: "data: {not json\r\n\r\n" }, { stream: true });
    const s = await run();
    const error = (await fail(
      (async () => {
        for await (const _ of s) void _;
      })(),
    )) as ParseError;
    expect(ParseError.isInstance(error)).toBe(true);
    expect((error as unknown as { raw: string }).raw).toBe("{not json");
  });
  const drain = async (s: AsyncIterable<[{ content: string }, unknown]>, seen: string[]) =>
    fail(
      (async () => {
        for await (const [chunk] of s) seen.push(chunk.content);
      })(),
    );
  const textEvent = (text: string) =>
    `data: ${JSON.stringify({ candidates: [{ content: { role: "model", parts: [{ text }] }, index: 0 }] })}\r\n\r\n`;

  it("the chunks before an invalid event reach the user, then its ParseError (with the exact message)", async () => {
    const { run } = call(
      { body: `${textEvent("Once ")}${textEvent("upon")}data: {not json\r\n\r\n${textEvent(" a time")}` },
      { stream: true },
    );
    const s = await run();
    const seen: string[] = [];
    const error = (await drain(s, seen)) as ParseError;
    expect(seen.join("")).toBe("Once upon");
    expect(s.content).toBe("Once upon");
    expect(ParseError.isInstance(error)).toBe(true);
    expect(error.message).toBe("google sent a stream event whose data is not valid JSON; the raw text is on `raw`.");
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it("event data that is JSON but not an object is a ParseError", async () => {
    const { run } = call({ body: `${textEvent("Hi")}data: [1]\r\n\r\n` }, { stream: true });
    const seen: string[] = [];
    const error = (await drain(await run(), seen)) as ParseError;
    expect(seen).toEqual(["Hi"]);
    expect(ParseError.isInstance(error)).toBe(true);
    expect(error.message).toBe("google sent a stream event whose data is not a JSON object; the raw text is on `raw`.");
    expect((error as unknown as { raw: string }).raw).toBe("[1]");
  });

  it("a mid-stream error event has the exact message and fields", async () => {
    const body = `${textEvent("Partial")}data: ${JSON.stringify({ error: { code: 400, message: "Bad thing.", status: "INVALID_ARGUMENT" } })}\r\n\r\n`;
    const { run } = call({ body }, { stream: true });
    const error = (await drain(await run(), [])) as StreamError;
    expect(StreamError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      "google reported an error mid-stream (INVALID_ARGUMENT 400): Bad thing.. The text received so far is on the error's `content`; make the call again.",
    );
    expect([error.code, error.type, error.isRetryable, error.content]).toEqual(["400", "INVALID_ARGUMENT", false, "Partial"]);
    const bare = (await drain(
      await call({ body: `data: ${JSON.stringify({ error: {} })}\r\n\r\n` }, { stream: true }).run(),
      [],
    )) as StreamError;
    expect(bare.message).toBe(
      "google reported an error mid-stream: no message. The text received so far is on the error's `content`; make the call again.",
    );
    expect([bare.code, bare.isRetryable]).toEqual([undefined, false]);
  });
});

describe("google: key errors", () => {
  it("a missing key is an AuthenticationError before any request", async () => {
    const { fetch, run } = call([], { client: { fetch: createReplayFetch([]), apiKey: "" } });
    const error = (await fail(run())) as AuthenticationError;
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      "No Gemini API key: pass client: { apiKey } or set the GEMINI_API_KEY (or GOOGLE_API_KEY) environment " +
        "variable. In browsers and Workers there is no environment: pass the key from a secret binding, or a baseURL of a proxy that adds it.",
    );
    expect([error.status, error.provider, error.isRetryable]).toEqual([0, "google", false]);
    expect(fetch.requests.length).toBe(0);
  });

  it("toError maps API_KEY_INVALID to an AuthenticationError (it returns a promise)", async () => {
    const body = JSON.stringify({
      error: {
        code: 400,
        message: "API key not valid. Please pass a valid API key.",
        status: "INVALID_ARGUMENT",
        details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID", domain: "googleapis.com" }],
      },
    });
    const response = new Response(body, { status: 400, headers: { "x-request-id": "req-1" } });
    const pending = toError(response, body, ["secret-key-123"]);
    expect(pending).toBeInstanceOf(Promise);
    const error = (await pending) as AuthenticationError;
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      "google returned HTTP 400 (API_KEY_INVALID): API key not valid. Please pass a valid API key. Check the API key " +
        "(client.apiKey, or the GEMINI_API_KEY / GOOGLE_API_KEY environment variable). Request id: req-1.",
    );
    expect([error.status, error.code, error.type, error.isRetryable]).toEqual([400, "API_KEY_INVALID", "INVALID_ARGUMENT", false]);
  });
});
