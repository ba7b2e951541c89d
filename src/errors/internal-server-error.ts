import { APIError, type APIErrorInit } from "./api-error.ts";
import { addBrand, hasBrand } from "./brand.ts";

/** The provider failed with a server error (HTTP 5xx other than 503/529); retrying may succeed. */
export class InternalServerError extends APIError {
  constructor(message: string, init: APIErrorInit) {
    super(message, init);
    this.name = "InternalServerError";
    addBrand(this, "InternalServerError");
  }

  /** True for a `InternalServerError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is InternalServerError {
    return hasBrand(error, "InternalServerError");
  }
}
