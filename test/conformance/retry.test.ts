// Retries: which statuses retry, Retry-After parsing, backoff delays, the withRetry runner
// (attempt counts, no retry for non-retryable errors) and abort handling, plus the abort helpers.
import { describe, expect, it } from "vitest";
import { anySignal, throwIfAborted } from "../../src/http/abort.ts";
import {
  isRetryableError,
  isRetryableStatus,
  parseRetryAfter,
  retryDelayMs,
  sleep,
  withRetry,
  type SleepFn,
} from "../../src/http/retry.ts";
import { APIError, BadRequestError, NetworkError, ParseError, RateLimitError } from "../../src/errors/index.ts";
import { apiErrorFromResponse } from "../../src/http/api-error-from-response.ts";

/** A sleep that records the delays it was asked for and returns at once. */
function recordingSleep(): { sleep: SleepFn; delays: number[] } {
  const delays: number[] = [];
  return { delays, sleep: async (ms) => void delays.push(ms) };
}

function rateLimit(retryAfterMs?: number): RateLimitError {
  return new RateLimitError("slow down", { status: 429, provider: "p", retryAfterMs });
}

describe("isRetryableStatus", () => {
  it("is true for 408, 409, 429 and 5xx, false otherwise", () => {
    for (const status of [408, 409, 429, 500, 502, 503, 504, 529, 599]) expect(isRetryableStatus(status)).toBe(true);
    for (const status of [200, 400, 401, 403, 404, 413, 422, 600]) expect(isRetryableStatus(status)).toBe(false);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.UTC(2025, 0, 1, 12, 0, 0);
  it("reads retry-after-ms in milliseconds, before retry-after", () => {
    expect(parseRetryAfter(new Headers({ "retry-after-ms": "1500" }), now)).toBe(1500);
    expect(parseRetryAfter(new Headers({ "retry-after-ms": "250.5", "retry-after": "9" }), now)).toBe(250.5);
  });

  it("reads retry-after as seconds", () => {
    expect(parseRetryAfter(new Headers({ "retry-after": "2" }), now)).toBe(2000);
    expect(parseRetryAfter(new Headers({ "retry-after": "0.5" }), now)).toBe(500);
    expect(parseRetryAfter(new Headers({ "retry-after": "0" }), now)).toBe(0);
  });

  it("reads retry-after as an HTTP date relative to now, never negative", () => {
    const inThree = new Date(now + 3000).toUTCString();
    expect(parseRetryAfter(new Headers({ "retry-after": inThree }), now)).toBe(3000);
    expect(parseRetryAfter(new Headers({ "retry-after": "Wed, 01 Jan 2025 11:59:00 GMT" }), now)).toBe(0);
  });

  it("is undefined when the headers are missing or unreadable", () => {
    expect(parseRetryAfter(new Headers(), now)).toBeUndefined();
    for (const value of ["soon", "-1", "1e3", "", "12abc"]) {
      expect(parseRetryAfter(new Headers({ "retry-after": value }), now)).toBeUndefined();
    }
    expect(parseRetryAfter(new Headers({ "retry-after-ms": "x", "retry-after": "1" }), now)).toBe(1000);
  });
});

describe("retryDelayMs", () => {
  it("doubles from initialDelayMs and caps at maxDelayMs (no jitter)", () => {
    const delays = [1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, {}, undefined, () => 0));
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(retryDelayMs(3, { initialDelayMs: 10, maxDelayMs: 25 }, undefined, () => 0)).toBe(25);
  });

  it("takes off at most 25% as jitter", () => {
    expect(retryDelayMs(1, {}, undefined, () => 0.999999)).toBe(375);
    for (let i = 0; i < 50; i++) {
      const d = retryDelayMs(2, {});
      expect(d).toBeGreaterThanOrEqual(750);
      expect(d).toBeLessThanOrEqual(1000);
    }
  });

  it("uses the provider's Retry-After exactly when within maxRetryAfterMs, else the backoff", () => {
    expect(retryDelayMs(1, {}, 1234, () => 0)).toBe(1234);
    expect(retryDelayMs(1, {}, 0, () => 0)).toBe(0);
    expect(retryDelayMs(1, {}, 20_000, () => 0)).toBe(20_000);
    expect(retryDelayMs(1, {}, 120_000, () => 0)).toBe(500);
    expect(retryDelayMs(1, { maxRetryAfterMs: 100 }, 200, () => 0)).toBe(500);
  });
});

describe("withRetry", () => {
  it("retries a retryable APIError maxRetries times, then throws the last error", async () => {
    const { sleep, delays } = recordingSleep();
    const errors: Error[] = [];
    let calls = 0;
    const run = withRetry(
      async () => {
        calls++;
        const e = new APIError(`attempt ${calls}`, { status: 503, provider: "p" });
        errors.push(e);
        throw e;
      },
      { retry: { maxRetries: 3, initialDelayMs: 1 }, sleep, random: () => 0 },
    );
    const caught = await run.catch((e: unknown) => e);
    expect(caught).toBe(errors[3]);
    expect(calls).toBe(4);
    expect(delays).toEqual([1, 2, 4]);
  });

  it("retries twice by default and passes the attempt number", async () => {
    const { sleep, delays } = recordingSleep();
    const attempts: number[] = [];
    await expect(
      withRetry(
        async (attempt) => {
          attempts.push(attempt);
          throw rateLimit();
        },
        { sleep },
      ),
    ).rejects.toSatisfy((e) => RateLimitError.isInstance(e));
    expect(attempts).toEqual([0, 1, 2]);
    expect(delays.length).toBe(2);
  });

  it("waits exactly as long as Retry-After says", async () => {
    const { sleep, delays } = recordingSleep();
    let calls = 0;
    const value = await withRetry(
      async () => {
        calls++;
        if (calls === 1) throw rateLimit(1500);
        if (calls === 2) throw rateLimit(0);
        return "ok";
      },
      { sleep, random: () => 0 },
    );
    expect(value).toBe("ok");
    expect(delays).toEqual([1500, 0]);
  });

  it("honours retry-after-ms, retry-after seconds and HTTP dates from real responses", async () => {
    const headerSets: Record<string, string>[] = [
      { "retry-after-ms": "42" },
      { "retry-after": "7" },
      { "retry-after": new Date(Date.now() + 30_000).toUTCString() },
    ];
    const { sleep, delays } = recordingSleep();
    let i = 0;
    const value = await withRetry(
      async () => {
        if (i === headerSets.length) return "done";
        const response = new Response('{"error":{"message":"busy"}}', { status: 429, headers: headerSets[i++] });
        throw apiErrorFromResponse({ provider: "p", response, bodyText: await response.text() });
      },
      { retry: { maxRetries: 5 }, sleep },
    );
    expect(value).toBe("done");
    expect(delays[0]).toBe(42);
    expect(delays[1]).toBe(7000);
    // An HTTP date has one-second resolution and is read a moment later.
    expect(delays[2]).toBeGreaterThan(28_000);
    expect(delays[2]).toBeLessThanOrEqual(30_000);
  });

  it("does not retry when the provider asks to wait longer than maxRetryAfterMs", async () => {
    const { sleep, delays } = recordingSleep();
    let calls = 0;
    const error = rateLimit(5 * 60_000);
    await expect(
      withRetry(
        async () => {
          calls++;
          throw error;
        },
        { sleep },
      ),
    ).rejects.toBe(error);
    expect(calls).toBe(1);
    expect(delays).toEqual([]);
  });

  it("retries network errors and returns the first success", async () => {
    let calls = 0;
    const value = await withRetry(
      async () => {
        if (++calls < 3) throw new NetworkError("connection reset", { cause: new TypeError("fetch failed") });
        return 42;
      },
      { retry: { initialDelayMs: 1, maxDelayMs: 2 } },
    );
    expect(value).toBe(42);
    expect(calls).toBe(3);
  });

  it("never retries a 400, a parse error or a foreign error", async () => {
    for (const error of [
      new BadRequestError("bad", { status: 400, provider: "p" }),
      new ParseError("bad json", { raw: "{" }),
      new TypeError("a bug"),
      "a string",
    ]) {
      const { sleep, delays } = recordingSleep();
      let calls = 0;
      await expect(
        withRetry(
          async () => {
            calls++;
            throw error;
          },
          { sleep },
        ),
      ).rejects.toBe(error);
      expect(calls).toBe(1);
      expect(delays).toEqual([]);
    }
    expect(isRetryableError(new NetworkError("x"))).toBe(true);
    expect(isRetryableError(new APIError("x", { status: 400, provider: "p" }))).toBe(false);
  });

  it("makes one attempt with retry: false or maxRetries: 0", async () => {
    for (const retry of [false, { maxRetries: 0 }] as const) {
      let calls = 0;
      await expect(
        withRetry(
          async () => {
            calls++;
            throw rateLimit();
          },
          { retry, sleep: recordingSleep().sleep },
        ),
      ).rejects.toSatisfy((e) => RateLimitError.isInstance(e));
      expect(calls).toBe(1);
    }
  });

  it("rejects at once with the reason when the signal is already aborted, without calling fn", async () => {
    const controller = new AbortController();
    const reason = new Error("user cancelled");
    controller.abort(reason);
    let calls = 0;
    await expect(withRetry(async () => void calls++, { signal: controller.signal })).rejects.toBe(reason);
    expect(calls).toBe(0);
  });

  it("rejects with the reason when aborted during the wait between attempts", async () => {
    const controller = new AbortController();
    const reason = new Error("stop waiting");
    let calls = 0;
    const started = Date.now();
    const run = withRetry(
      async () => {
        calls++;
        setTimeout(() => controller.abort(reason), 5);
        throw rateLimit();
      },
      { retry: { initialDelayMs: 30_000 }, signal: controller.signal },
    );
    await expect(run).rejects.toBe(reason);
    expect(calls).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("rejects with the reason (not the attempt's error) when aborted while the attempt fails", async () => {
    for (const error of [rateLimit(), new TypeError("fetch aborted")]) {
      const controller = new AbortController();
      const { sleep, delays } = recordingSleep();
      await expect(
        withRetry(
          async () => {
            controller.abort();
            throw error;
          },
          { signal: controller.signal, sleep },
        ),
      ).rejects.toSatisfy((e) => e === controller.signal.reason && (e as Error).name === "AbortError");
      expect(delays).toEqual([]);
    }
  });
});

describe("sleep", () => {
  it("waits, and rejects with the signal's reason before or during the wait", async () => {
    await expect(sleep(1)).resolves.toBeUndefined();
    const before = new AbortController();
    before.abort("already");
    await expect(sleep(10_000, before.signal)).rejects.toBe("already");
    const during = new AbortController();
    setTimeout(() => during.abort("later"), 2);
    await expect(sleep(10_000, during.signal)).rejects.toBe("later");
  });
});

describe("abort helpers", () => {
  it("throwIfAborted throws the reason, also for a signal without throwIfAborted", () => {
    const reason = new Error("why");
    const bare = { aborted: true, reason } as unknown as AbortSignal;
    expect(() => throwIfAborted(bare)).toThrow(reason);
    expect(() => throwIfAborted({ aborted: false } as unknown as AbortSignal)).not.toThrow();
    expect(() => throwIfAborted(undefined)).not.toThrow();
  });

  it("anySignal skips missing signals and returns a lone signal itself", () => {
    const a = new AbortController().signal;
    expect(anySignal([undefined, null])).toBeUndefined();
    expect(anySignal([undefined, a])).toBe(a);
  });

  const implementations = [
    { name: "AbortSignal.any", disableNative: false },
    { name: "the manual fallback", disableNative: true },
  ];
  for (const { name, disableNative } of implementations) {
    it(`anySignal aborts with the first signal's reason (${name})`, () => {
      const holder = AbortSignal as unknown as { any?: unknown };
      const original = holder.any;
      if (disableNative) holder.any = undefined;
      try {
        const a = new AbortController();
        const b = new AbortController();
        const combined = anySignal([a.signal, b.signal])!;
        expect(combined.aborted).toBe(false);
        b.abort("b first");
        a.abort("a later");
        expect(combined.aborted).toBe(true);
        expect(combined.reason).toBe("b first");
        const pre = new AbortController();
        pre.abort("pre");
        expect(anySignal([new AbortController().signal, pre.signal])!.reason).toBe("pre");
      } finally {
        holder.any = original;
      }
    });
  }
});
