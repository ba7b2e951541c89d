import { addBrand, hasBrand } from "./brand.ts";
import { PromptcallError, type PromptcallErrorOptions } from "./promptcall-error.ts";

/** Options of a `TimeoutError`. */
export interface TimeoutErrorOptions extends PromptcallErrorOptions {
  /** The limit that was exceeded, in milliseconds. */
  timeoutMs?: number;
}

/** One request attempt took longer than its time limit. A user's own abort signal never produces this. */
export class TimeoutError extends PromptcallError {
  /** A timed-out attempt is worth retrying. */
  readonly isRetryable: boolean = true;
  readonly timeoutMs?: number;

  constructor(message: string, options?: TimeoutErrorOptions) {
    super(message, options);
    this.name = "TimeoutError";
    addBrand(this, "TimeoutError");
    this.timeoutMs = options?.timeoutMs;
  }

  /** True for a `TimeoutError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is TimeoutError {
    return hasBrand(error, "TimeoutError");
  }
}
