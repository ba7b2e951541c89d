import { addBrand, hasBrand } from "./brand.ts";
import { scrubError } from "./scrub-error.ts";
import { PromptcallError, type PromptcallErrorOptions } from "./promptcall-error.ts";

/** What a `StreamError` records. */
export interface StreamErrorInit extends PromptcallErrorOptions {
  /** The provider's name, e.g. "anthropic". */
  provider: string;
  /** The text content received before the error. */
  content?: string;
  /** Anything else the stream had built so far (partial structured output, tool calls …). */
  partial?: unknown;
  /** The provider's error event payload (secrets redacted). */
  body?: unknown;
  /** The provider's error code or type, e.g. "overloaded_error". */
  code?: string;
  type?: string;
  /** Whether making the call again may succeed (e.g. an overloaded provider). */
  isRetryable?: boolean;
}

/**
 * The provider reported an error in the middle of a stream (after a 2xx response).
 * `content` keeps the text received so far, so it is not lost.
 */
export class StreamError extends PromptcallError {
  readonly provider: string;
  readonly content: string;
  readonly partial?: unknown;
  readonly body?: unknown;
  readonly code?: string;
  readonly type?: string;
  readonly isRetryable: boolean;

  constructor(message: string, init: StreamErrorInit) {
    super(message, init);
    this.name = "StreamError";
    addBrand(this, "StreamError");
    this.provider = init.provider;
    this.content = init.content ?? "";
    this.partial = init.partial;
    this.body = init.body;
    this.code = init.code;
    this.type = init.type;
    this.isRetryable = init.isRetryable ?? false;
    scrubError(this);
  }

  /** True for a `StreamError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is StreamError {
    return hasBrand(error, "StreamError");
  }
}
