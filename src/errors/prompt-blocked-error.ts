import { addBrand, hasBrand } from "./brand.ts";
import { PromptcallError, type PromptcallErrorOptions } from "./promptcall-error.ts";

/** One of Gemini's safety ratings (`promptFeedback.safetyRatings[]`), as `GoogleSafetyRating` of `promptcall/google`. */
export interface SafetyRating {
  category: string;
  probability: string;
  blocked?: boolean;
}

/** What a `PromptBlockedError` records. */
export interface PromptBlockedErrorInit extends PromptcallErrorOptions {
  /** Gemini's `promptFeedback.blockReason`, e.g. "SAFETY", "BLOCKLIST", "PROHIBITED_CONTENT", "OTHER". */
  blockReason: string;
  /** Gemini's explanation, when it sent one. */
  blockReasonMessage?: string;
  /** The prompt's safety ratings. */
  safetyRatings?: SafetyRating[];
  /** The response body that reported the block. */
  body?: unknown;
}

/**
 * Gemini refused the prompt itself (`promptFeedback.blockReason`, no candidates): nothing was
 * generated. Thrown instead of returning an empty response. Change the prompt, or the call's
 * `safetySettings` when a safety filter blocked it.
 */
export class PromptBlockedError extends PromptcallError {
  readonly provider = "google";
  readonly blockReason: string;
  readonly blockReasonMessage?: string;
  readonly safetyRatings: SafetyRating[];
  readonly body?: unknown;

  constructor(message: string, init: PromptBlockedErrorInit) {
    super(message, init);
    this.name = "PromptBlockedError";
    addBrand(this, "PromptBlockedError");
    this.blockReason = init.blockReason;
    this.blockReasonMessage = init.blockReasonMessage;
    this.safetyRatings = init.safetyRatings ?? [];
    this.body = init.body;
  }

  /** True for a `PromptBlockedError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is PromptBlockedError {
    return hasBrand(error, "PromptBlockedError");
  }
}
