import { addBrand, hasBrand } from "./brand.ts";
import { scrubError } from "./scrub-error.ts";
import { PromptcallError, type PromptcallErrorOptions } from "./promptcall-error.ts";

/** Options of a `NetworkError`. */
export interface NetworkErrorOptions extends PromptcallErrorOptions {
  /** The text a stream had received before the connection failed. */
  content?: string;
}

/**
 * The request or its response body failed at the network level (`fetch` rejected, the connection
 * was reset); `cause` has the original error and `content` the text a stream had received.
 */
export class NetworkError extends PromptcallError {
  /** Network failures are worth retrying. */
  readonly isRetryable: boolean = true;
  /** Text received before the failure ("" when none). */
  content: string;

  constructor(message: string, options?: NetworkErrorOptions) {
    super(message, options);
    this.name = "NetworkError";
    addBrand(this, "NetworkError");
    this.content = options?.content ?? "";
    // The fields above are set after the base constructor redacted the error: redact them too.
    scrubError(this);
  }

  /** True for a `NetworkError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is NetworkError {
    return hasBrand(error, "NetworkError");
  }
}
