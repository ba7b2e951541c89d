import { BaseCallResponse } from "../../core/call-response";
import type { FinishReason } from "../../core/finish-reason";
import type { BaseMessageParam } from "../../core/message-param";
import type { ToolCallData, ToolOutput } from "../../core/tool";
import type { Usage } from "../../core/usage";
import type { GoogleContent, GoogleGenerateContentResponse, GooglePart } from "./api";
import { checkPromptFeedback } from "./check-prompt-feedback";
import { toCommonMessage } from "./common-message";
import { convertUsage } from "./convert-usage";
import { commonFinishReasonsOf, finishReasonsOf } from "./map-finish-reason";
import { primaryParts, textOf, thinkingOf, toolCallsOf } from "./read-parts";
import type { GoogleTool } from "./tool";
import { googleToolMessageParams } from "./tool-message-params";
import type { CallResponseInit } from "../../core/call-response";

/** A Gemini message as sent in `contents`: role "user" or "model" and its parts. */
export type GoogleMessageParam = GoogleContent;

/**
 * The response of a Gemini call. Content, tool calls and `messageParam` come from the first
 * candidate; `finishReasons` lists every candidate's. A blocked prompt never becomes a response:
 * constructing one throws `PromptBlockedError`. A candidate stopped by a filter (e.g. `SAFETY`) is a
 * response with `content` "" and `commonFinishReasons` ["content_filter"].
 */
export class GoogleCallResponse extends BaseCallResponse<GoogleGenerateContentResponse, GoogleMessageParam, GoogleTool> {
  private cachedToolCalls: ToolCallData[] | undefined;

  constructor(init: CallResponseInit<GoogleGenerateContentResponse>) {
    super(init);
    checkPromptFeedback(init.raw);
  }

  /** The first candidate's parts, as received. */
  get parts(): GooglePart[] {
    return primaryParts(this.raw);
  }
  get content(): string {
    return textOf(this.parts);
  }
  /** Thought summaries' text (with `thinkingConfig.includeThoughts`); not part of `content`. */
  get thinking(): string {
    return thinkingOf(this.parts);
  }
  get finishReasons(): string[] {
    return finishReasonsOf(this.raw);
  }
  get commonFinishReasons(): FinishReason[] {
    return commonFinishReasonsOf(this.raw);
  }
  get model(): string {
    // Gemini names the model version in `modelVersion`; without it, the model the call asked for.
    return this.raw.modelVersion ?? this.requestedModel?.replace(/^models\//, "") ?? "";
  }
  get id(): string | undefined {
    return this.raw.responseId;
  }
  get usage(): Usage | undefined {
    return convertUsage(this.raw.usageMetadata);
  }
  /** The model's content with every part as received (thought signatures included), for the next request. */
  get messageParam(): GoogleMessageParam {
    return { role: "model", parts: [...this.parts] };
  }
  get toolCalls(): ToolCallData[] {
    this.cachedToolCalls ??= toolCallsOf(this.parts, this.raw.responseId);
    return this.cachedToolCalls.map((c) => ({ ...c }));
  }
  toolMessageParams(outputs: readonly ToolOutput[]): GoogleMessageParam[] {
    return googleToolMessageParams(outputs);
  }
  get commonMessageParam(): BaseMessageParam {
    return toCommonMessage(this.parts, this.raw.responseId);
  }
}
