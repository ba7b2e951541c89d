import { addBrand, hasBrand } from "./brand.ts";
import { scrubError } from "./scrub-error.ts";
import { PromptcallError, type PromptcallErrorOptions } from "./promptcall-error.ts";
import type { SchemaIssue } from "./schema-issue.ts";

/** What a `ValidationError` records. */
export interface ValidationErrorInit extends PromptcallErrorOptions {
  /** Why the output failed the schema (empty when the output was not JSON at all). */
  issues?: readonly SchemaIssue[];
  /** The model's output text that was parsed. */
  raw?: string;
  /** The call response (or stream) the output came from. */
  response?: unknown;
  /** Earlier failed attempts when `validationRetries` re-asked the model, oldest first. */
  attempts?: readonly ValidationError[];
}

/** A `responseModel` output did not parse or did not match its schema; `raw` and `response` keep what came back. */
export class ValidationError extends PromptcallError {
  readonly issues: readonly SchemaIssue[];
  readonly raw: string;
  /** The call response; left out of `toJSON()`. */
  readonly response: unknown;
  /** Earlier failed attempts (with `validationRetries`), oldest first; empty otherwise. */
  readonly attempts: readonly ValidationError[];

  constructor(message: string, init: ValidationErrorInit = {}) {
    super(message, init);
    this.name = "ValidationError";
    addBrand(this, "ValidationError");
    this.issues = init.issues ?? [];
    this.raw = init.raw ?? "";
    this.response = init.response;
    this.attempts = init.attempts ?? [];
    // The fields above are set after the base constructor redacted the error: redact them too.
    scrubError(this);
  }

  /** True for a `ValidationError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is ValidationError {
    return hasBrand(error, "ValidationError");
  }
}
