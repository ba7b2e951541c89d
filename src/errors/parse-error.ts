import { addBrand, hasBrand } from "./brand.ts";
import { scrubError } from "./scrub-error.ts";
import { PromptcallError, type PromptcallErrorOptions } from "./promptcall-error.ts";

/** Options of a `ParseError`. */
export interface ParseErrorOptions extends PromptcallErrorOptions {
  /** The text that could not be parsed (possibly shortened for very large inputs). */
  raw?: string;
}

/** A response or event stream was malformed (invalid JSON, invalid SSE, invalid UTF-8); `raw` keeps the text. */
export class ParseError extends PromptcallError {
  readonly raw: string;

  constructor(message: string, options?: ParseErrorOptions) {
    super(message, options);
    this.name = "ParseError";
    addBrand(this, "ParseError");
    this.raw = options?.raw ?? "";
    scrubError(this);
  }

  /** True for a `ParseError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is ParseError {
    return hasBrand(error, "ParseError");
  }
}
