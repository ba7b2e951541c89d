import { addBrand, hasBrand } from "./brand.ts";
import { PromptcallError, type PromptcallErrorOptions } from "./promptcall-error.ts";

/**
 * A neutral `params` value the provider cannot take as given (e.g. an Anthropic thinking budget below
 * its 1,024-token minimum), raised before any request. `param` names it, `provider` the provider.
 */
export class UnsupportedParamError extends PromptcallError {
  readonly provider: string;
  readonly param: string;

  constructor(message: string, init: { provider: string; param: string } & PromptcallErrorOptions) {
    super(message, init);
    this.name = "UnsupportedParamError";
    addBrand(this, "UnsupportedParamError");
    this.provider = init.provider;
    this.param = init.param;
  }

  /** True for an `UnsupportedParamError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is UnsupportedParamError {
    return hasBrand(error, "UnsupportedParamError");
  }
}
