import type { BaseMessageParam } from "../../core/message-param.ts";
import { BaseStream } from "../../core/stream.ts";
import type { ToolOutput } from "../../core/tools/tool.ts";
import type { GoogleGenerateContentResponse, GooglePart, GooglePromptFeedback, GoogleUsageMetadata } from "./api.ts";
import { appendPart } from "./append-part.ts";
import type { GoogleCallResponseChunk } from "./call-response-chunk.ts";
import { GoogleCallResponse, type GoogleMessageParam } from "./call-response.ts";
import { toCommonMessage } from "./common-message.ts";
import { hasFunctionCall } from "./read-parts.ts";
import type { GoogleTool } from "./tool.ts";
import { googleToolMessageParams } from "./tool-message-params.ts";

/**
 * A streamed Gemini call. Besides the common totals it keeps the first candidate's parts as they
 * arrive (text pieces joined, thoughts and thought signatures kept), so `messageParam` sends back
 * exactly what the model produced. Usage is Gemini's last running total, never a sum.
 */
export class GoogleStream extends BaseStream<GoogleCallResponseChunk, GoogleMessageParam, GoogleCallResponse, GoogleTool> {
  /** Thought-summary text received so far (not part of `content`). */
  thinking = "";
  /** The first candidate's parts received so far. */
  readonly parts: GooglePart[] = [];
  private usageMetadata: GoogleUsageMetadata | undefined;
  private promptFeedback: GooglePromptFeedback | undefined;

  protected override onChunk(chunk: GoogleCallResponseChunk): void {
    super.onChunk(chunk);
    this.thinking += chunk.thinking;
    for (const part of chunk.parts) appendPart(this.parts, part);
    if (chunk.raw.usageMetadata) this.usageMetadata = chunk.raw.usageMetadata;
    if (chunk.raw.promptFeedback) this.promptFeedback = chunk.raw.promptFeedback;
    // Gemini finishes a function-calling turn with STOP, often in a later chunk than the calls.
    if (hasFunctionCall(this.parts)) {
      this.commonFinishReasons = this.commonFinishReasons.map((r) => (r === "stop" ? "tool_calls" : r));
    }
  }

  get messageParam(): GoogleMessageParam {
    return { role: "model", parts: [...this.parts] };
  }
  get commonMessageParam(): BaseMessageParam {
    return toCommonMessage(this.parts, this.id);
  }
  toolMessageParams(outputs: readonly ToolOutput[]): GoogleMessageParam[] {
    return googleToolMessageParams(outputs);
  }

  /** A `GoogleCallResponse` built from the chunks, shaped like a non-streaming `generateContent` response. */
  constructCallResponse(): GoogleCallResponse {
    const finishReason = this.finishReasons[this.finishReasons.length - 1];
    const raw: GoogleGenerateContentResponse = {
      candidates: [{ content: { role: "model", parts: [...this.parts] }, index: 0, ...(finishReason ? { finishReason } : {}) }],
    };
    if (this.promptFeedback) raw.promptFeedback = this.promptFeedback;
    if (this.usageMetadata) raw.usageMetadata = this.usageMetadata;
    raw.modelVersion = this.model;
    if (this.id) raw.responseId = this.id;
    return new GoogleCallResponse(this.responseInit(raw));
  }
}
