// Runs the samples of docs/errors-and-retries.md verbatim against recorded error responses.
import { describe, expect, it } from "vitest";
import { APIError, OverloadedError, PromptcallError, RateLimitError, StreamError, computeCost, registerPrices } from "promptcall";
import { apiErrorFromResponse, isRetryableStatus, parseRetryAfter, retryDelayMs, withRetry } from "promptcall/provider";
import { openai as realOpenai } from "promptcall/openai";
import { createReplayFetch, type ReplayResponse } from "promptcall/testing";
import { fixtures } from "../fixtures/index.ts";
import { replayed } from "./support/docs-support.ts";

/** The first `n` events of the recorded text stream, then an error event. */
function brokenStream(n: number): { body: string; textSoFar: string } {
  const events = fixtures["openai/chat_stream_text.sse"].split("\n\n").slice(0, n);
  const textSoFar = events.map((e) => JSON.parse(e.slice("data: ".length)).choices[0].delta.content ?? "").join("");
  const error = { error: { message: "The server had an error while processing your request.", type: "server_error" } };
  return { body: `${events.join("\n\n")}\n\ndata: ${JSON.stringify(error)}\n\n`, textSoFar };
}

interface Scenario {
  name: string;
  recommendBook: (genre: string) => Promise<unknown>;
  logged: unknown[][];
  thrown?: unknown;
}

function scenarios(): Scenario[] {
  const call = (answer: ReplayResponse, extra: Record<string, unknown> = {}) => {
    const openai = replayed(realOpenai, createReplayFetch(answer));
    return openai.call({ model: "gpt-4o-mini", ...extra }, (genre: string) => `Recommend a ${genre} book`);
  };
  const broken = brokenStream(4);
  const stopped = new Error("user left");
  return [
    {
      name: "rate limited",
      recommendBook: call({
        status: 429,
        body: fixtures["openai/error_429_insufficient_quota.json"],
        headers: { "retry-after-ms": "150" },
      }),
      logged: [["rate limited; asked to wait 150 ms"]],
    },
    {
      name: "an API error",
      recommendBook: call({ status: 404, body: fixtures["openai/error_404_model_not_found.json"], headers: { "x-request-id": "req_123" } }),
      logged: [[404, "model_not_found", "req_123"]],
    },
    {
      name: "an error event mid-stream",
      recommendBook: async (genre: string) => {
        const openai = replayed(realOpenai, createReplayFetch({ body: broken.body }));
        const stream = await openai.call({ model: "gpt-4o-mini", stream: true }, (g: string) => `Recommend a ${g} book`)(genre);
        for await (const [chunk] of stream) void chunk;
      },
      logged: [["got this far:", broken.textSoFar]],
    },
    {
      name: "another promptcall error",
      recommendBook: call({ body: "<html>not json</html>", headers: { "content-type": "application/json" } }),
      logged: [["ParseError", expect.stringContaining("JSON")]],
    },
    {
      name: "an abort",
      recommendBook: call({ body: fixtures["openai/chat_text.json"] }, { signal: AbortSignal.abort(stopped) }),
      logged: [],
      thrown: stopped,
    },
  ];
}

describe("docs/errors-and-retries.md", () => {
  it("tells errors apart with isInstance", async () => {
    for (const scenario of scenarios()) {
      const { recommendBook } = scenario;
      const logged: unknown[][] = [];
      const console = { log: (...values: unknown[]) => logged.push(values) };
      const thrown = await (async () => {
        try {
          await recommendBook("fantasy");
        } catch (error) {
          if (RateLimitError.isInstance(error)) console.log(`rate limited; asked to wait ${error.retryAfterMs} ms`);
          else if (APIError.isInstance(error)) console.log(error.status, error.code, error.requestId);
          else if (StreamError.isInstance(error)) console.log("got this far:", error.content);
          else if (PromptcallError.isInstance(error)) console.log(error.name, error.message);
          else throw error; // includes the abort reason when you cancelled
        }
      })().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect({ name: scenario.name, logged, thrown }).toEqual({ name: scenario.name, logged: scenario.logged, thrown: scenario.thrown });
    }
  });

  it("the 404 message says what happened and what to do", async () => {
    const openai = replayed(
      realOpenai,
      createReplayFetch({ status: 404, body: fixtures["openai/error_404_model_not_found.json"], headers: { "x-request-id": "req_123" } }),
    );
    const error = await openai
      .call({ model: "gpt-5.2-proo" }, () => "hi")()
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      "openai returned HTTP 404 (model_not_found): The model `gpt-5.2-proo` does not exist or you do not have access to it. " +
        "Check the model name and the client's baseURL. Request id: req_123.",
    );
  });

  it("apiErrorFromResponse for provider authors", () => {
    const apiKey = "acme-secret-key-123";
    const bodyText = JSON.stringify({ detail: `Too many requests for key ${apiKey}`, code: "slow_down" });
    const response = new Response(bodyText, { status: 429, headers: { "retry-after": "2", "x-request-id": "req_9" } });
    const envelope = JSON.parse(bodyText);

    const error = apiErrorFromResponse({
      provider: "acme",
      response, // status and headers come from here (or pass status / headers)
      bodyText, // parsed as JSON when it is JSON
      message: envelope.detail, // optional: otherwise read from error.message / message
      code: envelope.code,
      secrets: [apiKey],
    });

    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 429,
      provider: "acme",
      code: "slow_down",
      requestId: "req_9",
      retryAfterMs: 2000,
      isRetryable: true,
    });
    expect(error.message).toContain("Too many requests for key [redacted]");
    expect(JSON.stringify(error)).not.toContain(apiKey);
    expect(JSON.stringify(error.body)).not.toContain(apiKey);
  });

  it("retry options: four retries, or one attempt", async () => {
    const busy: ReplayResponse = { status: 503, body: '{"error":{"message":"busy"}}', headers: { "retry-after-ms": "1" } };
    const answers: ReplayResponse[] = [busy, busy, busy, busy, { body: fixtures["openai/chat_text.json"] }];
    const replay = createReplayFetch(() => answers.shift() ?? busy);
    const openai = replayed(realOpenai, replay);
    const fn = (genre: string) => `Recommend a ${genre} book`;

    const patient = openai.call({ model: "gpt-4o-mini", retry: { maxRetries: 4, initialDelayMs: 250, maxDelayMs: 4000 } }, fn);
    const once = openai.call({ model: "gpt-4o-mini", retry: false }, fn); // one attempt

    expect((await patient("fantasy")).content).toMatch(/Galaxy Day/);
    expect(replay.requests).toHaveLength(5);
    const error = await once("fantasy").catch((e: unknown) => e);
    expect(OverloadedError.isInstance(error)).toBe(true);
    expect(replay.requests).toHaveLength(6);
  });

  it("the retry policy as pure functions", async () => {
    const signal = new AbortController().signal;
    const fetchSomething = async (attempt: number) => {
      if (attempt < 2) throw new OverloadedError("busy", { status: 503, provider: "acme", retryAfterMs: 1 });
      return { attempt };
    };

    parseRetryAfter(new Headers({ "retry-after": "2" })); // 2000
    parseRetryAfter(new Headers({ "retry-after-ms": "150" })); // 150
    retryDelayMs(3, { initialDelayMs: 100 }, undefined, () => 0); // 400
    isRetryableStatus(503); // true

    const data = await withRetry((attempt) => fetchSomething(attempt), { retry: { maxRetries: 3 }, signal });

    expect(parseRetryAfter(new Headers({ "retry-after": "2" }))).toBe(2000);
    expect(parseRetryAfter(new Headers({ "retry-after-ms": "150" }))).toBe(150);
    expect(retryDelayMs(3, { initialDelayMs: 100 }, undefined, () => 0)).toBe(400);
    expect(isRetryableStatus(503)).toBe(true);
    expect(data).toEqual({ attempt: 2 });
  });

  it("aborting rejects with the signal's reason, as is", async () => {
    const openai = replayed(realOpenai, createReplayFetch({ body: fixtures["openai/chat_text.json"], delayMs: 50 }));
    const run = async () => {
      const controller = new AbortController();
      const recommend = openai.call({ model: "gpt-4o-mini", signal: controller.signal }, (genre: string) => `Recommend a ${genre} book`);
      const pending = recommend("fantasy");
      controller.abort(new Error("user left"));
      await pending; // rejects with that very Error
    };
    const error = await run().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("user left");
    expect(PromptcallError.isInstance(error)).toBe(false);
  });

  it("prices: register your own, compute a cost", () => {
    registerPrices("openai", "ft:gpt-4o-mini:acme:custom", { input: 0.3, output: 1.2, cachedInput: 0.15 }); // USD per 1M tokens
    computeCost("openai", "gpt-4o-mini", { inputTokens: 1000, outputTokens: 500, cachedTokens: 400, totalTokens: 1500 });
    // 600 × 0.15/1M + 400 × 0.075/1M + 500 × 0.6/1M = 0.00042

    const usage = { inputTokens: 1000, outputTokens: 500, cachedTokens: 400, totalTokens: 1500 };
    expect(computeCost("openai", "gpt-4o-mini", usage)).toBeCloseTo(0.00042, 10);
    expect(computeCost("openai", "ft:gpt-4o-mini:acme:custom", usage)).toBeCloseTo((600 * 0.3 + 400 * 0.15 + 500 * 1.2) / 1e6, 10);
  });
});
