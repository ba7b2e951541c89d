import { IN_WORKERD } from "../web-streams/in-workerd.ts";
import { MAX_TIMER_MS } from "./max-timer.ts";
import { failures } from "./seams.ts";

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
  onEnd?(): void;
  /** Aborts the request (called with the body's cancel, so the connection closes everywhere). */
  abort?(reason?: unknown): void;
}

/** A guarded body: `stream` to read, and `failure`, the error it failed with (none while it has not). */
export interface GuardedBody {
  stream: ReadableStream<Uint8Array>;
  failure?: unknown;
}

type Failures = Awaited<ReturnType<typeof failures>>;

export { IN_WORKERD } from "../web-streams/in-workerd.ts";

/**
 * Wraps a response body so that no read waits longer than `idleMs` (a `TimeoutError` with phase
 * "idle"), an abort of `signal` ends it at once with the signal's reason, a body longer than
 * `maxBytes` fails with a `ParseError`, and a failed read becomes a `NetworkError` keeping its
 * real cause. Cancelling it cancels the body.
 */
export function guardBody(body: ReadableStream<Uint8Array>, guard: BodyGuard): GuardedBody {
  const { idleMs, signal, maxBytes, provider } = guard;
  const reader = body.getReader();
  let bytes = 0;
  let ended = false;
  let reading = false; // a read of the source is pending
  let broken = false; // the source failed: nothing is left to cancel
  let readStart = 0; // when the pending read started (Date.now())
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let failPending: ((error: unknown) => void) | undefined; // ends the pending pull with an error
  const onAbort = () => (failPending ? failPending(signal?.reason) : end(signal?.reason));
  signal?.addEventListener("abort", onAbort, { once: true });

  /** Fails the pull `fail` with an error built by the failures seam (its code loads only now). */
  const failWith = (fail: (error: unknown) => void, build: (f: Failures) => unknown) => void failures().then((f) => fail(build(f)));

  /** Ends the body once: stops listening, tells the owner, and (unless it finished) cancels the source. */
  const end = (reason?: unknown, finished?: boolean) => {
    if (ended) return;
    ended = true;
    clearTimeout(watchdog);
    signal?.removeEventListener("abort", onAbort);
    guard.onEnd?.();
    // workerd reports a fetch body cancelled during a read as an unhandled rejection: there it is
    // cancelled once that read settles (a live model sends its next piece soon).
    if (!finished && !broken && !(IN_WORKERD && reading)) cancel(reason);
  };

  const cancel = (reason?: unknown) => {
    reader.cancel(reason).catch(() => {});
    guard.abort?.(reason);
  };

  /**
   * The idle watchdog: one timer for the whole body instead of one per read (a timer per chunk
   * costs more than the rest of the read). When it fires it fails the pending read if that read
   * has waited `idleMs`, else it sleeps until that read would time out.
   */
  const check = () => {
    watchdog = undefined;
    if (ended || !reading) return;
    const waited = Date.now() - readStart;
    if (waited < idleMs) watchdog = setTimeout(check, Math.min(idleMs - waited, MAX_TIMER_MS));
    else if (failPending) failWith(failPending, (f) => f.timeoutFailure("idle", idleMs, provider));
  };

  /** One read of the source, within the idle limit. */
  const pull = (controller: ReadableStreamDefaultController<Uint8Array>) =>
    new Promise<void>((resolve, reject) => {
      const fail = (error: unknown) => {
        if (failPending !== fail) return;
        failPending = undefined;
        guarded.failure = error;
        end(error);
        reject(error);
      };
      failPending = fail;
      if (signal?.aborted) return fail(signal.reason);
      reading = true;
      readStart = Date.now();
      if (watchdog === undefined && idleMs !== Number.POSITIVE_INFINITY) watchdog = setTimeout(check, Math.min(idleMs, MAX_TIMER_MS));
      reader.read().then(
        (result) => {
          reading = false;
          if (failPending !== fail) {
            // This pull failed meanwhile (timeout, abort): the body is cancelled now if it ended.
            if (ended) cancel();
            return;
          }
          if (!ended && !result.done) {
            bytes += result.value.byteLength;
            if (bytes > maxBytes) return failWith(fail, (f) => f.bodyTooLarge(provider, maxBytes, result.value));
          }
          failPending = undefined;
          // Cancelled meanwhile: nothing goes to the (closed) controller any more.
          if (ended) return resolve();
          if (result.done) end(undefined, true);
          if (result.done) controller.close();
          else controller.enqueue(result.value);
          resolve();
        },
        (error) => {
          reading = false;
          broken = true;
          failWith(fail, (f) => f.bodyReadFailure(error, provider, guard.secrets));
        },
      );
    });

  const guarded: GuardedBody = {
    stream: new ReadableStream<Uint8Array>({ pull, cancel: (reason) => end(reason) }, { highWaterMark: 0 }),
  };
  return guarded;
}
