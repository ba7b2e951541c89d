import { addBrand, hasBrand } from "../../errors/brand.ts";
import { PromptcallError, type PromptcallErrorOptions } from "../../errors/promptcall-error.ts";
import type { GoogleSafetyRating } from "./api.ts";

/** What a `PromptBlockedError` records. */
export interface PromptBlockedErrorInit extends PromptcallErrorOptions {
  /** Gemini's `promptFeedback.blockReason`, e.g. "SAFETY", "BLOCKLIST", "PROHIBITED_CONTENT", "OTHER". */
  blockReason: string;
  /** Gemini's explanation, when it sent one. */
  blockReasonMessage?: string;
  /** The prompt's safety ratings. */
  safetyRatings?: GoogleSafetyRating[];
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
  readonly safetyRatings: GoogleSafetyRating[];
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
