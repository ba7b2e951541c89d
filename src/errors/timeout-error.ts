import { addBrand, hasBrand } from "./brand.ts";
import { scrubError } from "./scrub-error.ts";
import { PromptcallError, type PromptcallErrorOptions } from "./promptcall-error.ts";

/** Which limit a `TimeoutError` hit: one attempt up to its headers, a wait for the next piece of a body, or the whole call. */
export type TimeoutPhase = "attempt" | "idle" | "total";

/** Options of a `TimeoutError`. */
export interface TimeoutErrorOptions extends PromptcallErrorOptions {
  /** The limit that was exceeded, in milliseconds. */
  timeoutMs?: number;
  /** Which limit it was (default "attempt"). */
  phase?: TimeoutPhase;
  /** The text a stream had received before it stalled. */
  content?: string;
}

/**
 * A call ran out of time (the `timeout` option): `phase` says which limit, `timeoutMs` how long it
 * was, and `content` keeps the text a stalled stream had received. Attempt and idle timeouts are
 * retryable (`isRetryable`); a total timeout is not. A user's own abort signal never produces this.
 */
export class TimeoutError extends PromptcallError {
  readonly isRetryable: boolean;
  readonly timeoutMs?: number;
  readonly phase: TimeoutPhase;
  /** Text received before the timeout ("" when none). */
  content: string;

  constructor(message: string, options?: TimeoutErrorOptions) {
    super(message, options);
    this.name = "TimeoutError";
    addBrand(this, "TimeoutError");
    this.timeoutMs = options?.timeoutMs;
    this.phase = options?.phase ?? "attempt";
    this.isRetryable = this.phase !== "total";
    this.content = options?.content ?? "";
    // The fields above are set after the base constructor redacted the error: redact them too.
    scrubError(this);
  }

  /** True for a `TimeoutError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is TimeoutError {
    return hasBrand(error, "TimeoutError");
  }
}
