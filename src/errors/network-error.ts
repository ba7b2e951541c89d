import { addBrand, hasBrand } from "./brand.ts";
import { PromptcallError, type PromptcallErrorOptions } from "./promptcall-error.ts";

/** The request or its response body failed at the network level (`fetch` rejected); `cause` has the original. */
export class NetworkError extends PromptcallError {
  /** Network failures are worth retrying. */
  readonly isRetryable: boolean = true;

  constructor(message: string, options?: PromptcallErrorOptions) {
    super(message, options);
    this.name = "NetworkError";
    addBrand(this, "NetworkError");
  }

  /** True for a `NetworkError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is NetworkError {
    return hasBrand(error, "NetworkError");
  }
}
