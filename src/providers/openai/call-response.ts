import { BaseCallResponse, type CallResponseInit } from "../../core/call-response.ts";
import type { FinishReason } from "../../core/finish-reason.ts";
import type { BaseMessageParam } from "../../core/message-param.ts";
import type { ToolCallData, ToolOutput } from "../../core/tools/tool.ts";
import type { Usage } from "../../core/usage.ts";
import type { ChatCompletionAssistantMessageParam, ChatCompletionMessageParam, ReasoningDetail } from "./api.ts";
import { assistantMessageParam, commonAssistantMessage, toolResultMessages } from "./assistant-message.ts";
import { isObject, readChatCompletion, type AssistantTurn, type OpenAIRawResponse, type TurnReader } from "./assistant-turn.ts";
import { mapFinishReason } from "./map-finish-reason.ts";
import type { OpenAITool } from "./tool.ts";

/**
 * The response of an OpenAI call: `raw` is the Chat Completion, or with `api: "responses"` the
 * Responses API response; every getter reads either. `messageParam` is a Chat Completions assistant
 * message in both cases (the Responses API converts it back to input items).
 */
export class OpenAICallResponse extends BaseCallResponse<OpenAIRawResponse, ChatCompletionMessageParam, OpenAITool> {
  private read: AssistantTurn | undefined;

  /**
   * `read` reads `raw` (a Responses API stream passes its reader). Without it a Chat Completion is read
   * now, and a body without `choices` (Responses API, error envelope) by `resolveTools`, which loads
   * its reader and which the factory awaits before returning the response.
   */
  constructor(init: CallResponseInit<OpenAIRawResponse>, read?: TurnReader) {
    super(init);
    const raw = init.raw;
    if (read || (isObject(raw) && "choices" in raw)) this.read = (read ?? readChatCompletion)(raw, init.provider);
  }

  /** Reads a body without `choices` (its code loads now), then validates tool calls. */
  override async resolveTools(): Promise<void> {
    this.read ??= (await import("./responses/turn.ts")).readTurn(this.raw, this.provider);
    return super.resolveTools();
  }

  /** The turn read from `raw`; a body without `choices` is read by `resolveTools` first. */
  private get turn(): AssistantTurn {
    if (this.read) return this.read;
    throw new Error(
      "This response's body has no `choices` (a Responses API response): await response.resolveTools() before reading it (calls do this).",
    );
  }

  /** The text; when the model refused, the refusal text. */
  get content(): string {
    return this.turn.content || this.turn.refusal || "";
  }

  /** The model's refusal (Structured Outputs and safety refusals), if it refused. */
  /** OpenRouter's structured reasoning (`reasoning_details`), if the service sent it. */
  get reasoningDetails(): ReasoningDetail[] | undefined {
    return this.turn.reasoningDetails;
  }

  /** Reasoning text some OpenAI-compatible services send (DeepSeek, xAI: `reasoning_content`; OpenRouter, Groq: `reasoning`); "" when none. */
  get reasoning(): string {
    return this.turn.reasoning ?? "";
  }

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
