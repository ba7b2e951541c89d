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

type Failures = Awaited<ReturnType<typeof failures>>;

/** A guarded body: `stream` to read (it fails with the guard's error). */
export interface GuardedBody {
  stream: ReadableStream<Uint8Array>;
}

export { IN_WORKERD } from "../web-streams/in-workerd.ts";

/**
 * Wraps a response body so that no read waits longer than `idleMs` (a `TimeoutError` with phase
 * "idle"), an abort of `signal` ends it at once with the signal's reason, a body longer than
 * `maxBytes` fails with a `ParseError`, and a failed read becomes a `NetworkError` keeping its
 * real cause. Cancelling it cancels the body.
 *
 * Each pull has a number, `waiting` until its read settles; a failure (a timeout, an abort, a
 * failed or oversized read) errors the stream only while its pull is still waiting. A pull that
 * failed meanwhile cancels the source once its read settles, if the body ended.
 */
export function guardBody(body: ReadableStream<Uint8Array>, guard: BodyGuard): GuardedBody {
  const { signal, maxBytes, provider } = guard;
  let controller: ReadableStreamDefaultController<Uint8Array>;
  let bytes = 0;
  let pulls = 0;
  let waiting = 0; // the pull whose read is pending, 0 for none
  const fail = (pull: number, error: unknown) => {
    if (waiting !== pull) return;
    waiting = 0;
    source.end(error);
    controller.error(error);
  };
  // The error classes and messages load only when one is needed.
  const failWith = (pull: number, build: (f: Failures) => unknown) => failures().then((f) => fail(pull, build(f)));
  const onIdle = () => waiting && failWith(waiting, (f) => f.timeoutFailure("idle", guard.idleMs, provider));
  const source = guardedSource(body.getReader(), guard, onIdle, () =>
    waiting ? fail(waiting, signal?.reason) : source.end(signal?.reason),
  );
  const pull = (c: ReadableStreamDefaultController<Uint8Array>) => {
    controller = c;
    const n = ++pulls;
    waiting = n;
    if (signal?.aborted) return fail(n, signal.reason);
    return source.read().then(
      (result) => {
        const ended = source.settle();
        if (waiting !== n) return void (ended && source.cancel());
        if (!ended && !result.done) bytes += result.value.byteLength;
        if (bytes > maxBytes) return failWith(n, (f) => f.bodyTooLarge(provider, maxBytes, result.value!));
        waiting = 0;
        if (ended) return; // cancelled meanwhile: the controller is closed
        if (result.done) source.end(undefined, true);
        if (result.done) controller.close();
        else controller.enqueue(result.value);
      },
      (error) => {
        source.settle(true);
        return failWith(n, (f) => f.bodyReadFailure(error, provider, guard.secrets));
      },
    );
  };
  const guarded: GuardedBody = {
    stream: new ReadableStream<Uint8Array>({ pull, cancel: (reason) => source.end(reason) }, { highWaterMark: 0 }),
  };
  return guarded;
}

/**
 * The source side of a guarded body: its reads, the idle watchdog, the abort listener and the end.
 *
 * The watchdog is one timer for the whole body instead of one per read (a timer per chunk costs
 * more than the rest of the read): when it fires it calls `onIdle` if the pending read has waited
 * `idleMs`, else it sleeps until that read would time out. The body ends once: it stops listening,
 * tells the owner and, unless it finished or its source failed, cancels the source (in workerd,
 * which reports a fetch body cancelled during a read as an unhandled rejection, only once the
 * pending read settles: a live model sends its next piece soon).
 */
function guardedSource(reader: ReadableStreamDefaultReader<Uint8Array>, guard: BodyGuard, onIdle: () => void, onAbort: () => void) {
  const { idleMs, signal } = guard;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reading = false;
  let readStart = 0; // when the pending read started (Date.now())
  let ended = false;
  let broken = false; // the source failed: nothing is left to cancel
  const watch = (delay: number) => {
    timer = setTimeout(
      () => {
        timer = undefined;
        if (ended || !reading) return;
        const waited = Date.now() - readStart;
        if (waited < idleMs) watch(idleMs - waited);
        else onIdle();
      },
      Math.min(delay, MAX_TIMER_MS),
    );
  };
  signal?.addEventListener("abort", onAbort, { once: true });
  const cancel = (reason?: unknown) => {
    reader.cancel(reason).catch(() => {});
    guard.abort?.(reason);
  };
  return {
    read() {
      reading = true;
      readStart = Date.now();
      if (timer === undefined && idleMs !== Number.POSITIVE_INFINITY) watch(idleMs);
      return reader.read();
    },
    /** The pending read settled (`failed`: with an error); returns whether the body has ended. */
    settle(failed?: boolean) {
      reading = false;
      broken ||= !!failed;
      return ended;
    },
    cancel,
    end(reason?: unknown, finished?: boolean) {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      guard.onEnd?.();
      if (!finished && !broken && !(IN_WORKERD && reading)) cancel(reason);
    },
  };
}
