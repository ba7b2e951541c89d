import { isRetryableStatus } from "./retryable-status.ts";
import { addBrand, hasBrand } from "./brand.ts";
import { scrubError } from "./scrub-error.ts";
import { PromptcallError } from "./promptcall-error.ts";

/** What an `APIError` records about a failed HTTP response. */
export interface APIErrorInit {
  /** The HTTP status code. */
  status: number;
  /** The provider's name, e.g. "openai". */
  provider: string;
  /** The response body: parsed JSON when it was JSON, else its text (secrets redacted). */
  body?: unknown;
  /** The provider's request id, for support tickets. */
  requestId?: string;
  /** Whether retrying may succeed; defaults to true for 408, 409, 429 and 5xx. */
  isRetryable?: boolean;
  /** How long the provider asked to wait before retrying, from `retry-after-ms` / `retry-after`. */
  retryAfterMs?: number;
  /** The provider's error code, e.g. "rate_limit_exceeded". */
  code?: string;
  /** The provider's error type, e.g. "invalid_request_error". */
  type?: string;
  /** The request parameter the provider blamed. */
  param?: string;
  cause?: unknown;
}

/** The provider answered with a non-2xx HTTP status. Subclasses narrow it by status. */
export class APIError extends PromptcallError {
  readonly status: number;
  readonly provider: string;
  readonly body: unknown;
  readonly requestId?: string;
  readonly isRetryable: boolean;
  readonly retryAfterMs?: number;
  readonly code?: string;
  readonly type?: string;
  readonly param?: string;

  constructor(message: string, init: APIErrorInit) {
    super(message, "cause" in init ? { cause: init.cause } : undefined);
    this.name = "APIError";
    addBrand(this, "APIError");
    this.status = init.status;
    this.provider = init.provider;
    this.body = init.body;
    this.isRetryable = init.isRetryable ?? isRetryableStatus(init.status);
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
    this.code = init.code;
    this.type = init.type;
    this.param = init.param;
    scrubError(this);
  }

  /** True for an `APIError` or any subclass, from any copy of promptcall. */
  static override isInstance(error: unknown): error is APIError {
    return hasBrand(error, "APIError");
  }
}
