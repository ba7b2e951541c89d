import { BaseCallResponse, type CallResponseInit } from "../../core/call-response";
import type { FinishReason } from "../../core/finish-reason";
import type { BaseMessageParam } from "../../core/message-param";
import type { ToolCallData, ToolOutput } from "../../core/tool";
import type { Usage } from "../../core/usage";
import type { ChatCompletionAssistantMessageParam, ChatCompletionMessageParam } from "./api";
import { assistantMessageParam, commonAssistantMessage, toolResultMessages } from "./assistant-message";
import { readTurn, type AssistantTurn, type OpenAIRawResponse } from "./assistant-turn";
import { mapFinishReason } from "./map-finish-reason";
import type { OpenAITool } from "./tool";

/**
 * The response of an OpenAI call: `raw` is the Chat Completion, or with `api: "responses"` the
 * Responses API response; every getter reads either. `messageParam` is a Chat Completions assistant
 * message in both cases (the Responses API converts it back to input items).
 */
export class OpenAICallResponse extends BaseCallResponse<OpenAIRawResponse, ChatCompletionMessageParam, OpenAITool> {
  private readonly turn: AssistantTurn;

  constructor(init: CallResponseInit<OpenAIRawResponse>) {
    super(init);
    this.turn = readTurn(init.raw, init.provider);
  }

  /** The text; when the model refused, the refusal text. */
  get content(): string {
    return this.turn.content || this.turn.refusal || "";
  }

  /** The model's refusal (Structured Outputs and safety refusals), if it refused. */
  get refusal(): string | undefined {
    return this.turn.refusal;
  }

  get finishReasons(): string[] {
    return [...this.turn.finishReasons];
  }

  get commonFinishReasons(): FinishReason[] {
    return this.turn.finishReasons.map(mapFinishReason);
  }

  get model(): string {
    return this.turn.model;
  }

  get id(): string | undefined {
    return this.turn.id;
  }

  get usage(): Usage | undefined {
    return this.turn.usage;
  }

  get toolCalls(): ToolCallData[] {
    return [...this.turn.toolCalls];
  }

  /** The assistant message, ready to append to a history (also with `api: "responses"`). */
  get messageParam(): ChatCompletionAssistantMessageParam {
    return assistantMessageParam(this.turn);
  }

  get commonMessageParam(): BaseMessageParam {
    return commonAssistantMessage(this.turn);
  }

  /** Tool results as `role: "tool"` messages. */
  toolMessageParams(outputs: readonly ToolOutput[]): ChatCompletionMessageParam[] {
    return toolResultMessages(outputs);
  }
}
