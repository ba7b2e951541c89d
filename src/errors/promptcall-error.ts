import { addBrand, hasBrand } from "./brand.ts";
import { scrubError } from "./scrub-error.ts";

/** Options every promptcall error accepts. */
export interface PromptcallErrorOptions {
  /** The underlying error, kept as `error.cause`. */
  cause?: unknown;
}

/** Keys never written by `toJSON`: large or foreign objects that may hold anything. */
const JSON_OMIT = new Set(["stack", "cause", "response"]);

/**
 * The base of every error promptcall throws. Use `PromptcallError.isInstance(e)` (or the subclass's
 * own `isInstance`) rather than `instanceof`: it also recognises errors from another copy of the library.
 */
export class PromptcallError extends Error {
  constructor(message: string, options?: PromptcallErrorOptions) {
    super(message, options && "cause" in options ? { cause: options.cause } : undefined);
    // Runtimes without ErrorOptions support ignore the second argument.
    if (options && "cause" in options && !("cause" in this)) this.cause = options.cause;
    this.name = "PromptcallError";
    addBrand(this, "PromptcallError");
    scrubError(this);
  }

  /** True for any promptcall error, including ones created by another bundled copy of promptcall. */
  static isInstance(error: unknown): error is PromptcallError {
    return hasBrand(error, "PromptcallError");
  }

  /** A JSON view: name, message, the error's own data and a summary of its cause (never secrets). */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (!JSON_OMIT.has(key) && value !== undefined && typeof value !== "function") json[key] = value;
    }
    const cause = summarizeCause(this.cause);
    if (cause !== undefined) json.cause = cause;
    return json;
  }
}

function summarizeCause(cause: unknown): unknown {
  if (cause === undefined) return undefined;
  if (PromptcallError.isInstance(cause)) return cause.toJSON();
  if (cause instanceof Error) return { name: cause.name, message: cause.message };
  return typeof cause === "string" ? cause : undefined;
}
