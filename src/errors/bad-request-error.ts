import { APIError, type APIErrorInit } from "./api-error.ts";
import { addBrand, hasBrand } from "./brand.ts";

/** The provider refused the request as invalid (HTTP 400 or 422): check the parameters and messages. */
export class BadRequestError extends APIError {
  constructor(message: string, init: APIErrorInit) {
    super(message, init);
    this.name = "BadRequestError";
    addBrand(this, "BadRequestError");
  }

  /** True for a `BadRequestError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is BadRequestError {
    return hasBrand(error, "BadRequestError");
  }
}
