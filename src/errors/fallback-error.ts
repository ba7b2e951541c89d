import { addBrand, hasBrand } from "./brand.ts";
import { scrubError } from "./scrub-error.ts";
import { PromptcallError } from "./promptcall-error.ts";

/** One failed attempt of `llm.fallback`. */
export interface FallbackAttempt {
  provider: string;
  model: string;
  error: unknown;
}

/** Every provider tried by `llm.fallback` failed; `attempts` lists each one's error in order. */
export class FallbackError extends PromptcallError {
  readonly attempts: readonly FallbackAttempt[];

  constructor(attempts: readonly FallbackAttempt[]) {
    const lines = attempts.map((a) => `${a.provider}/${a.model}: ${a.error instanceof Error ? a.error.message : String(a.error)}`);
    super(
      `All ${attempts.length} providers failed:\n- ${lines.join("\n- ")}\n` +
        "Check each error in `attempts`; only retryable errors (rate limits, overload, network) move to the next provider.",
      { cause: attempts.at(-1)?.error },
    );
    this.name = "FallbackError";
    addBrand(this, "FallbackError");
    this.attempts = attempts;
    // The fields above are set after the base constructor redacted the error: redact them too.
    scrubError(this);
  }

  /** True for a `FallbackError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is FallbackError {
    return hasBrand(error, "FallbackError");
  }

  override toJSON(): Record<string, unknown> {
    return {
      ...super.toJSON(),
      attempts: this.attempts.map((a) => ({
        provider: a.provider,
        model: a.model,
        error: PromptcallError.isInstance(a.error) ? a.error.toJSON() : String(a.error),
      })),
    };
  }
}
