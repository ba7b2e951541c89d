import { failures } from "./seams.ts";
import { MAX_TIMER_MS, timeoutError } from "./timeouts.ts";

/** What {@link guardBody} enforces on a response body. */
export interface BodyGuard {
  /** The longest wait for the next piece, in ms (`Infinity` for none). */
  idleMs: number;
  /** Ends the body with its reason: the caller's abort signal and the call's total deadline. */
  signal?: AbortSignal;
  /** The most bytes read before a `ParseError` (`Infinity` for an event stream). */
  maxBytes: number;
  /** The provider's name, for error messages. */
  provider: string;
  /** Values that must never appear in an error. */
  secrets?: readonly string[];
  /** Called once when the body ends, fails or is cancelled. */
  onEnd(): void;
  /** Aborts the request (called with the body's cancel, so the connection closes everywhere). */
  abort?(reason?: unknown): void;
}

/** True in Cloudflare's workerd, whose fetch bodies need the care noted where this is used. */
export const IN_WORKERD = typeof navigator !== "undefined" && navigator.userAgent === "Cloudflare-Workers";

/**
 * Wraps a response body so that no read waits longer than `idleMs` (a `TimeoutError` with phase
 * "idle"), an abort of `signal` ends it at once with the signal's reason, a body longer than
 * `maxBytes` fails with a `ParseError`, and a failed read becomes a `NetworkError` keeping its
 * real cause. Cancelling it cancels the body.
 */
export function guardBody(body: ReadableStream<Uint8Array>, guard: BodyGuard): ReadableStream<Uint8Array> {
  const { signal, idleMs } = guard;
  const reader = body.getReader();
  let bytes = 0;
  let ended = false;
  let reading = false;
  let broken = false;
  let failPending: ((error: unknown) => void) | undefined;
  const cancel = (reason?: unknown) => {
    reader.cancel(reason).catch(() => {});
    guard.abort?.(reason);
  };
  const end = (reason?: unknown, finished = false) => {
    if (ended) return;
    ended = true;
    signal?.removeEventListener("abort", onAbort);
    guard.onEnd();
    // workerd reports a fetch body cancelled during a read as an unhandled rejection: there it is
    // cancelled once that read settles (a live model sends its next piece soon).
    if (!finished && !broken && !(IN_WORKERD && reading)) cancel(reason);
  };
  const onAbort = () => (failPending ? failPending(signal!.reason) : end(signal!.reason));
  signal?.addEventListener("abort", onAbort, { once: true });
  const pull = (controller: ReadableStreamDefaultController<Uint8Array>) =>
    new Promise<void>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = () => {
        clearTimeout(timer);
        failPending = undefined;
      };
      const fail = (error: unknown) => {
        if (failPending !== fail) return;
        settle();
        end(error);
        reject(error);
      };
      failPending = fail;
      if (signal?.aborted) return fail(signal.reason);
      if (idleMs !== Number.POSITIVE_INFINITY) {
        timer = setTimeout(() => void timeoutError("idle", idleMs, guard.provider).then(fail), Math.min(idleMs, MAX_TIMER_MS));
      }
      reading = true;
      reader.read().then(
        (result) => {
          reading = false;
          if (failPending !== fail) return void (ended && cancel());
          if (result.done) return void (settle(), end(undefined, true), controller.close(), resolve());
          bytes += result.value.byteLength;
          if (bytes > guard.maxBytes)
            return void failures().then((f) => fail(f.bodyTooLarge(guard.provider, guard.maxBytes, result.value)));
          settle();
          controller.enqueue(result.value);
          resolve();
        },
        (error) => {
          reading = false;
          broken = true; // nothing left to cancel
          void failures().then((f) => fail(f.bodyReadFailure(error, guard.provider, guard.secrets)));
        },
      );
    });
  return new ReadableStream<Uint8Array>({ pull, cancel: (reason) => end(reason) }, { highWaterMark: 0 });
}
