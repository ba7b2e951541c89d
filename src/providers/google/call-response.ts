import { BaseCallResponse } from "../../core/call-response.ts";
import type { FinishReason } from "../../core/finish-reason.ts";
import type { BaseMessageParam } from "../../core/message-param.ts";
import type { ToolCallData, ToolOutput } from "../../core/tools/tool.ts";
import type { Usage } from "../../core/usage.ts";
import type { GoogleContent, GoogleGenerateContentResponse, GooglePart } from "./api.ts";
import { isErrorBody } from "./is-error-body.ts";
import { isPromptBlocked } from "./is-prompt-blocked.ts";
import { toCommonMessage } from "./common-message.ts";
import { convertUsage } from "./convert-usage.ts";
import { commonFinishReasonsOf, finishReasonsOf } from "./map-finish-reason.ts";
import { primaryParts, textOf, thinkingOf, toolCallsOf } from "./read-parts.ts";
import { failures } from "./seams.ts";
import type { GoogleTool } from "./tool.ts";
import { googleToolMessageParams } from "./tool-message-params.ts";

/** A Gemini message as sent in `contents`: role "user" or "model" and its parts. */
export type GoogleMessageParam = GoogleContent;

/**
 * The response of a Gemini call. Content, tool calls and `messageParam` come from the first
 * candidate; `finishReasons` lists every candidate's. A blocked prompt never becomes a response:
 * `resolveTools()` (which every call awaits) throws `PromptBlockedError`, loading it through `failures`.
 * A candidate stopped by a filter (e.g. `SAFETY`) is a
 * response with `content` "" and `commonFinishReasons` ["content_filter"].
 */
export class GoogleCallResponse extends BaseCallResponse<GoogleGenerateContentResponse, GoogleMessageParam, GoogleTool> {
  private cachedToolCalls: ToolCallData[] | undefined;

  /** Rejects a response whose prompt Gemini blocked (`PromptBlockedError`), then validates tool calls. */
  override async resolveTools(): Promise<void> {
    if (isPromptBlocked(this.raw)) throw (await failures()).promptBlockedError(this.raw);
    // A 2xx body that is Google's error envelope (as a gateway may send) is no answer.
    if (isErrorBody(this.raw)) throw (await failures()).bodyError(this.raw);
    return super.resolveTools();
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
