import { IN_WORKERD } from "../web-streams/in-workerd.ts";
import { failures } from "./seams.ts";
import { MAX_TIMER_MS } from "./max-timer.ts";
import { timeoutError } from "./timeouts.ts";

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

export { IN_WORKERD } from "../web-streams/in-workerd.ts";

/**
 * Wraps a response body so that no read waits longer than `idleMs` (a `TimeoutError` with phase
 * "idle"), an abort of `signal` ends it at once with the signal's reason, a body longer than
 * `maxBytes` fails with a `ParseError`, and a failed read becomes a `NetworkError` keeping its
 * real cause. Cancelling it cancels the body.
 */
export function guardBody(body: ReadableStream<Uint8Array>, guard: BodyGuard): GuardedBody {
  return new GuardedBody(body.getReader(), guard);
}

/** A guarded body: `stream` to read, `failure` the error it failed with (none while it has not). */
export class GuardedBody {
  readonly stream = new ReadableStream<Uint8Array>(
    { pull: (controller) => this.pull(controller), cancel: (reason) => this.end(reason) },
    { highWaterMark: 0 },
  );
  /** The error the stream failed with: a body read through the native `text()` rethrows it (Chromium hides it). */
  failure: unknown;
  private bytes = 0;
  private ended = false;
  /** A read of the source is pending. */
  private reading = false;
  /** The source failed: nothing is left to cancel. */
  private broken = false;
  /** When the pending read started (Date.now()). */
  private readStart = 0;
  /** The idle watchdog's timer, while one is armed. */
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  /** Ends the pending pull with an error (set while one waits). */
  private failPending: ((error: unknown) => void) | undefined;
  private readonly onAbort = () => {
    const reason = this.guard.signal?.reason;
    if (this.failPending) this.failPending(reason);
    else this.end(reason);
  };

  constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly guard: BodyGuard,
  ) {
    guard.signal?.addEventListener("abort", this.onAbort, { once: true });
  }

  /** One read of the source, within the idle limit. */
  pull(controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const { signal } = this.guard;
      const fail = (error: unknown) => {
        if (this.failPending !== fail) return;
        this.failPending = undefined;
        this.failure = error;
        this.end(error);
        reject(error);
      };
      this.failPending = fail;
      if (signal?.aborted) return fail(signal.reason);
      this.reading = true;
      this.readStart = Date.now();
      this.watch();
      this.reader.read().then(
        (result) => {
          this.reading = false;
          if (this.failPending !== fail) {
            // This pull failed meanwhile (timeout, abort): the body is cancelled now if it ended.
            if (this.ended) this.cancel();
            return;
          }
          if (this.ended) {
            // Cancelled meanwhile: nothing goes to the (closed) controller any more.
            this.failPending = undefined;
            return resolve();
          }
          if (!result.done) this.bytes += result.value.byteLength;
          if (!result.done && this.bytes > this.guard.maxBytes) return this.tooLarge(result.value, fail);
          this.failPending = undefined;
          if (result.done) this.end(undefined, true);
          if (result.done) controller.close();
          else controller.enqueue(result.value);
          resolve();
        },
        (error) => {
          this.reading = false;
          this.broken = true;
          void failures().then((f) => fail(f.bodyReadFailure(error, this.guard.provider, this.guard.secrets)));
        },
      );
    });
  }

  /**
   * The idle watchdog: one timer for the whole body instead of one per read (a timer per chunk
   * costs more than the rest of the read). When it fires it fails the pending read if that read
   * has waited `idleMs`, else it sleeps until that read would time out.
   */
  private watch(): void {
    const { idleMs } = this.guard;
    if (this.watchdog !== undefined || idleMs === Number.POSITIVE_INFINITY) return;
    const check = () => {
      this.watchdog = undefined;
      if (this.ended) return;
      const waited = Date.now() - this.readStart;
      if (!this.reading || waited < idleMs) {
        if (this.reading) this.watchdog = setTimeout(check, Math.min(idleMs - waited, MAX_TIMER_MS));
        return;
      }
      const fail = this.failPending;
      if (fail) void timeoutError("idle", idleMs, this.guard.provider).then(fail);
    };
    this.watchdog = setTimeout(check, Math.min(idleMs, MAX_TIMER_MS));
  }

  /** Ends the body once: stops listening, tells the owner, and (unless it finished) cancels the source. */
  end(reason?: unknown, finished = false): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.watchdog);
    this.watchdog = undefined;
    this.guard.signal?.removeEventListener("abort", this.onAbort);
    this.guard.onEnd();
    // workerd reports a fetch body cancelled during a read as an unhandled rejection: there it is
    // cancelled once that read settles (a live model sends its next piece soon).
    if (!finished && !this.broken && !(IN_WORKERD && this.reading)) this.cancel(reason);
  }

  private cancel(reason?: unknown): void {
    this.reader.cancel(reason).catch(() => {});
    this.guard.abort?.(reason);
  }

  private tooLarge(chunk: Uint8Array, fail: (error: unknown) => void): void {
    void failures().then((f) => fail(f.bodyTooLarge(this.guard.provider, this.guard.maxBytes, chunk)));
  }
}
