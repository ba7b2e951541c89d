import { APIError, type APIErrorInit } from "./api-error.ts";
import { addBrand, hasBrand } from "./brand.ts";

/** The provider is rate limiting this key (HTTP 429); `retryAfterMs` says how long it asked to wait. */
export class RateLimitError extends APIError {
  constructor(message: string, init: APIErrorInit) {
    super(message, init);
    this.name = "RateLimitError";
    addBrand(this, "RateLimitError");
  }

  /** True for a `RateLimitError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is RateLimitError {
    return hasBrand(error, "RateLimitError");
  }
}
