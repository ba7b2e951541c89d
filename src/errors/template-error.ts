import { addBrand, hasBrand } from "./brand.ts";
import { PromptcallError, type PromptcallErrorOptions } from "./promptcall-error.ts";

/** A prompt template or message part was malformed (bad syntax, missing variable, unknown media). */
export class TemplateError extends PromptcallError {
  constructor(message: string, options?: PromptcallErrorOptions) {
    super(message, options);
    this.name = "TemplateError";
    addBrand(this, "TemplateError");
  }

  /** True for a `TemplateError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is TemplateError {
    return hasBrand(error, "TemplateError");
  }
}
