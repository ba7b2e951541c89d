import { MAX_TIMER_MS } from "./max-timer.ts";

/** Waits `ms` milliseconds; the retry runner takes one as an option so tests can record delays. */
export type SleepFn = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * Waits `ms` milliseconds (at most 2^31−1, what timers allow). Rejects with `signal.reason` at once if the signal is already aborted,
 * or as soon as it aborts while waiting (the timer is cleared).
 */
export const sleep: SleepFn = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer: ReturnType<typeof setTimeout> = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      // setTimeout fires at once for delays above 2^31−1 ms: clamp rather than spin.
      Math.min(Math.max(0, ms), MAX_TIMER_MS),
    );
    signal?.addEventListener("abort", onAbort, { once: true });
  });
