import { BaseCallResponseChunk } from "../../core/call-response-chunk.ts";
import type { FinishReason } from "../../core/finish-reason.ts";
import type { Usage } from "../../core/usage.ts";
import type { GoogleGenerateContentResponse, GooglePart } from "./api.ts";
import { convertUsage } from "./convert-usage.ts";
import { commonFinishReasonsOf, finishReasonsOf } from "./map-finish-reason.ts";
import { primaryParts, textOf, thinkingOf } from "./read-parts.ts";

/**
 * One event of `streamGenerateContent?alt=sse`: a whole `GenerateContentResponse` holding the new
 * parts. Its `usage` is Gemini's running total (every chunk repeats it), so later chunks replace it.
 */
export class GoogleCallResponseChunk extends BaseCallResponseChunk<GoogleGenerateContentResponse> {
  /** The new parts of the first candidate. */
  get parts(): GooglePart[] {
    return primaryParts(this.raw);
  }
  get content(): string {
    return textOf(this.parts);
  }
  /** New thought-summary text. */
  get thinking(): string {
    return thinkingOf(this.parts);
  }
  get finishReasons(): string[] {
    return finishReasonsOf(this.raw);
  }
  override get commonFinishReasons(): FinishReason[] {
    return commonFinishReasonsOf(this.raw);
  }
  get usage(): Partial<Usage> | undefined {
    return convertUsage(this.raw.usageMetadata);
  }
  override get model(): string | undefined {
    return this.raw.modelVersion;
  }
  override get id(): string | undefined {
    return this.raw.responseId;
  }
}
