import { MAX_TIMER_MS } from "./max-timer.ts";

/** Retry settings: the `retry` option of a call. */
export interface RetryOptions {
  /** Retries after the first attempt (default 2; 0 disables retrying). */
  maxRetries?: number;
  /** Delay before the first retry, doubled for each further one (default 500 ms). */
  initialDelayMs?: number;
  /** Upper bound of a computed delay (default 8000 ms). */
  maxDelayMs?: number;
  /**
   * Longest Retry-After honoured (default 60000 ms). A provider asking for a longer wait is not
   * retried: its error is thrown at once so the caller can decide.
   */
  maxRetryAfterMs?: number;
}

/** The defaults of {@link RetryOptions}. */
export const DEFAULT_RETRY = { maxRetries: 2, initialDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60_000 } as const;

/** {@link RetryOptions} with every default filled in and nonsense (negative, NaN) values replaced. */
export function resolveRetryOptions(options: RetryOptions | false | undefined): Required<RetryOptions> {
  if (options === false) return { ...DEFAULT_RETRY, maxRetries: 0 };
  return {
    maxRetries: Math.floor(nonNegative(options?.maxRetries, DEFAULT_RETRY.maxRetries)),
    initialDelayMs: nonNegative(options?.initialDelayMs, DEFAULT_RETRY.initialDelayMs),
    maxDelayMs: nonNegative(options?.maxDelayMs, DEFAULT_RETRY.maxDelayMs),
    maxRetryAfterMs: nonNegative(options?.maxRetryAfterMs, DEFAULT_RETRY.maxRetryAfterMs),
  };
}

/**
 * The wait before retry number `retry` (1 for the first retry). A `retryAfterMs` the provider sent
 * is used exactly when it is within `maxRetryAfterMs`; otherwise the delay is exponential,
 * `initialDelayMs * 2^(retry-1)` capped at `maxDelayMs`, less up to 25% random jitter; never above 2^31−1 ms (the longest timer).
 *
 * @example retryDelayMs(1, {}, undefined, () => 0) // 500
 */
export function retryDelayMs(retry: number, options: RetryOptions = {}, retryAfterMs?: number, random: () => number = Math.random): number {
  const resolved = resolveRetryOptions(options);
  if (retryAfterMs !== undefined && retryAfterMs >= 0 && retryAfterMs <= resolved.maxRetryAfterMs) {
    return Math.min(retryAfterMs, MAX_TIMER_MS);
  }
  const exponent = Math.max(0, retry - 1);
  const base = Math.min(resolved.initialDelayMs * 2 ** exponent, resolved.maxDelayMs);
  const jitter = 1 - 0.25 * Math.min(1, Math.max(0, random()));
  return Math.min(Math.round(base * jitter), MAX_TIMER_MS);
}

function nonNegative(value: number | undefined, fallback: number): number {
  return typeof value === "number" && value >= 0 && !Number.isNaN(value) ? value : fallback;
}
