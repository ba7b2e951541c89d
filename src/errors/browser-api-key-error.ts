import { addBrand, hasBrand } from "./brand.ts";
import { PromptcallError } from "./promptcall-error.ts";

/**
 * A call from a web page would go straight to the provider's API: an API key there is readable by every
 * visitor. Thrown before any request; point `client.baseURL` at a server-side proxy (e.g. a Worker) that
 * adds the key, or opt in with `client.dangerouslyAllowBrowser: true`.
 */
export class BrowserApiKeyError extends PromptcallError {
  /** The provider's name, e.g. "openai". */
  readonly provider: string;

  constructor(message: string, init: { provider: string }) {
    super(message);
    this.name = "BrowserApiKeyError";
    addBrand(this, "BrowserApiKeyError");
    this.provider = init.provider;
  }

  /** True for a `BrowserApiKeyError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is BrowserApiKeyError {
    return hasBrand(error, "BrowserApiKeyError");
  }
}
