import { APIError, type APIErrorInit } from "./api-error.ts";
import { addBrand, hasBrand } from "./brand.ts";

/** The provider rejected the credentials (HTTP 401) or their permissions (HTTP 403). */
export class AuthenticationError extends APIError {
  constructor(message: string, init: APIErrorInit) {
    super(message, init);
    this.name = "AuthenticationError";
    addBrand(this, "AuthenticationError");
  }

  /** True for a `AuthenticationError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is AuthenticationError {
    return hasBrand(error, "AuthenticationError");
  }
}
