import { PromptcallError } from "../errors/index.ts";
import { resolveRetryOptions, retryDelayMs, type RetryOptions } from "./backoff.ts";
import { sleep as defaultSleep, type SleepFn } from "./sleep.ts";

export { DEFAULT_RETRY, resolveRetryOptions, retryDelayMs, type RetryOptions } from "./backoff.ts";
export { parseRetryAfter, type HeaderReader } from "./retry-after.ts";
export { isRetryableStatus } from "../errors/retryable-status.ts";
export { sleep, type SleepFn } from "./sleep.ts";

/** What {@link withRetry} reports before each retry. */
export interface RetryInfo {
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  error: unknown;
}

/** Options of {@link withRetry}. */
export interface WithRetryOptions {
  /** Retry settings, or `false` for a single attempt. */
  retry?: RetryOptions | false;
  /** Aborting stops at once, rejecting with the signal's reason (also while waiting). */
  signal?: AbortSignal;
  /** How to wait (tests pass a recording one). */
  sleep?: SleepFn;
  /** Jitter source, 0 ≤ x < 1 (default Math.random). */
  random?: () => number;
  /** Called before each wait. */
  onRetry?: (info: RetryInfo) => void;
}

/**
 * True for errors worth another attempt: promptcall errors flagged `isRetryable` — an `APIError`
 * with status 408/409/429/5xx, a `NetworkError`, a `TimeoutError`.
 */
export function isRetryableError(error: unknown): boolean {
  return PromptcallError.isInstance(error) && (error as { isRetryable?: unknown }).isRetryable === true;
}

/** How long the failed response asked to wait, when it said. */
function retryAfterOf(error: unknown): number | undefined {
  const value = (error as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof value === "number" && value >= 0 ? value : undefined;
}

/**
 * Runs `fn(attempt)` (attempt 0 first) and retries it while it throws a retryable error, waiting
 * with exponential backoff or the provider's Retry-After. Other errors are thrown at once, as is
 * the last error when retries run out or the provider asks to wait longer than `maxRetryAfterMs`.
 * An aborted signal rejects with its reason, before the first attempt or during a wait.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: WithRetryOptions = {}): Promise<T> {
  if (options.signal?.aborted) throw options.signal.reason;
  try {
    return await fn(0);
  } catch (error) {
    // `return await`: the rejection gets its handler at once (workerd reports it otherwise).
    return await retryFailed(fn, error, options);
  }
}

/**
 * {@link withRetry} from the moment attempt 0 failed with `error`: requests try once inline and
 * import this module only after a failure, so a call that succeeds never loads the retry code.
 */
export async function retryFailed<T>(fn: (attempt: number) => Promise<T>, error: unknown, options: WithRetryOptions = {}): Promise<T> {
  const { signal } = options;
  const settings = resolveRetryOptions(options.retry);
  const wait = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    // Not abort.ts's throwIfAborted: importing it here would give abort.ts a chunk of its own.
    if (signal?.aborted) throw signal.reason;
    if (attempt > settings.maxRetries || !isRetryableError(error)) throw error;
    const retryAfter = retryAfterOf(error);
    if (retryAfter !== undefined && retryAfter > settings.maxRetryAfterMs) throw error;
    const delayMs = retryDelayMs(attempt, settings, retryAfter, options.random);
    options.onRetry?.({ retry: attempt, delayMs, error });
    await wait(delayMs, signal);
    try {
      // Aborted during the wait: the next turn of the loop throws the reason.
      if (!signal?.aborted) return await fn(attempt);
    } catch (next) {
      error = next;
    }
  }
}
