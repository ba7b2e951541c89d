import { abortReason } from "./abort.ts";

/** Waits `ms` milliseconds; the retry runner takes one as an option so tests can record delays. */
export type SleepFn = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * Waits `ms` milliseconds. Rejects with `signal.reason` at once if the signal is already aborted,
 * or as soon as it aborts while waiting (the timer is cleared).
 */
export const sleep: SleepFn = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer: ReturnType<typeof setTimeout> = setTimeout(
      () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener("abort", onAbort, { once: true });
  });
