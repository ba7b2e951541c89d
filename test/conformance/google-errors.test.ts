// Errors, blocked prompts and finish reasons of the Google provider. Bodies are built from the docs:
// - Google's error model (https://cloud.google.com/apis/design/errors#error_model and #error_details):
//   `{ error: { code, message, status, details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo",
//   retryDelay: "13s" }, { "@type": "…QuotaFailure", violations: [{ quotaId, … }] }] }`; Gemini's 429
//   (https://ai.google.dev/gemini-api/docs/rate-limits) sends the wait only there, not in a header.
// - Blocked prompts (https://ai.google.dev/api/generate-content#PromptFeedback): `promptFeedback.blockReason`
//   and no candidates. Finish reasons: https://ai.google.dev/api/generate-content#FinishReason.
import { describe, expect, it } from "vitest";
import { APIError } from "../../src/errors/api-error";
import { BadRequestError } from "../../src/errors/bad-request-error";
import { ParseError } from "../../src/errors/parse-error";
import { RateLimitError } from "../../src/errors/rate-limit-error";
import { StreamError } from "../../src/errors/stream-error";
import { google, PromptBlockedError } from "../../src/providers/google/index";
import { mapFinishReason } from "../../src/providers/google/map-finish-reason";
import { createReplayFetch, fixtureResponse, type ReplayResponse } from "../../src/testing/replay-fetch";
import { fixtures } from "../fixtures";

const rateLimited = (retryDelay: string, quotaId = "GenerateRequestsPerMinutePerProjectPerModel-FreeTier") =>
  JSON.stringify({
    error: {
      code: 429,
      message: "You exceeded your current quota, please check your plan and billing details.",
      status: "RESOURCE_EXHAUSTED",
      details: [
        { "@type": "type.googleapis.com/google.rpc.QuotaFailure", violations: [{ quotaMetric: "generativelanguage.googleapis.com/generate_content_free_tier_requests", quotaId }] },
        { "@type": "type.googleapis.com/google.rpc.Help", links: [{ description: "Learn more about Gemini API quotas", url: "https://ai.google.dev/gemini-api/docs/rate-limits" }] },
        { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay },
      ],
    },
  });

function call(script: ReplayResponse | ReplayResponse[], options: Record<string, unknown> = {}) {
  const fetch = createReplayFetch(script);
  const run = google.call({ model: "gemini-2.5-flash", client: { fetch, apiKey: "secret-key-123" }, ...options } as any, () => "hi");
  return { fetch, run: run as () => Promise<any> };
}

const fail = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

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
    const { fetch, run } = call(
      [{ status: 429, body: rateLimited("0.06s") }, fixtureResponse(fixtures["gemini/generate_text.json"])],
      { retry: { maxRetries: 1, initialDelayMs: 5_000 } },
    );
    const started = Date.now();
    const r = await run();
    expect(r.content).toBe("Hello! How can I help you today?");
    expect(fetch.requests).toHaveLength(2);
    // initialDelayMs is 5 s: finishing fast proves the 60 ms from RetryInfo was used instead.
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("a per-day quota is not retried", async () => {
    const { fetch, run } = call(
      [{ status: 429, body: rateLimited("3600s", "GenerateRequestsPerDayPerProjectPerModel-FreeTier") }],
      { retry: { maxRetries: 2 } },
    );
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
});
