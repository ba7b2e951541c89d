import { APIError, type APIErrorInit } from "./api-error.ts";
import { addBrand, hasBrand } from "./brand.ts";

/** The provider does not know the requested resource, usually the model or the base URL (HTTP 404). */
export class NotFoundError extends APIError {
  constructor(message: string, init: APIErrorInit) {
    super(message, init);
    this.name = "NotFoundError";
    addBrand(this, "NotFoundError");
  }

  /** True for a `NotFoundError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is NotFoundError {
    return hasBrand(error, "NotFoundError");
  }
}
