import { APIError, type APIErrorInit } from "./api-error.ts";
import { addBrand, hasBrand } from "./brand.ts";

/** The provider is temporarily overloaded (HTTP 503 or 529); retrying later may succeed. */
export class OverloadedError extends APIError {
  constructor(message: string, init: APIErrorInit) {
    super(message, init);
    this.name = "OverloadedError";
    addBrand(this, "OverloadedError");
  }

  /** True for a `OverloadedError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is OverloadedError {
    return hasBrand(error, "OverloadedError");
  }
}
