import { BaseCallResponse, type CallResponseInit } from "../../core/call-response.ts";
import type { FinishReason } from "../../core/finish-reason.ts";
import type { BaseMessageParam } from "../../core/message-param.ts";
import type { ToolCallData, ToolOutput } from "../../core/tools/tool.ts";
import type { Usage } from "../../core/usage.ts";
import type { ChatCompletionAssistantMessageParam, ChatCompletionMessageParam, ReasoningDetail } from "./api.ts";
import { assistantMessageParam, commonAssistantMessage, toolResultMessages } from "./assistant-message.ts";
import { isObject, readChatCompletion, type AssistantTurn, type OpenAIRawResponse } from "./assistant-turn.ts";
import { errorOf } from "./error-of.ts";
import { mapFinishReason } from "./map-finish-reason.ts";
import { failures } from "./seams.ts";
import type { OpenAITool } from "./tool.ts";

/**
 * The response of a Chat Completions call (the Responses API's response, `OpenAIResponsesCallResponse`,
 * extends it with its own reading). `messageParam` is a Chat Completions assistant message.
 */
export class OpenAICallResponse extends BaseCallResponse<OpenAIRawResponse, ChatCompletionMessageParam, OpenAITool> {
  /** What was read from `raw`. */
  protected readonly turn: AssistantTurn;

  /** Reads `raw` as a Chat Completion, or takes the turn a subclass read from its own body. */
  constructor(init: CallResponseInit<OpenAIRawResponse>, turn: AssistantTurn = readChatCompletion(init.raw)) {
    super(init);
    this.turn = turn;
  }

  /** Checks that a 2xx body is a response (not an error envelope; its error loads only then), then validates tool calls. */
  override async resolveTools(): Promise<void> {
    const raw: unknown = this.raw;
    const envelope = errorOf(raw);
    if (!isObject(raw) || envelope) {
      const error = (await failures()).bodyError(raw, this.provider, envelope);
      if (error) throw error;
    }
    return super.resolveTools();
  }

  /** The text; when the model refused, the refusal text. */
  get content(): string {
    return this.turn.content || this.turn.refusal || "";
  }

  /** OpenRouter's structured reasoning (`reasoning_details`), if the service sent it. */
  get reasoningDetails(): ReasoningDetail[] | undefined {
    return this.turn.reasoningDetails;
  }

  /** Reasoning text some OpenAI-compatible services send (DeepSeek, xAI: `reasoning_content`; OpenRouter, Groq: `reasoning`); "" when none. */
  get reasoning(): string {
    return this.turn.reasoning ?? "";
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
