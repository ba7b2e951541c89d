import { BaseCallResponse } from "../../core/call-response";
import type { FinishReason } from "../../core/finish-reason";
import type { BaseMessageParam } from "../../core/message-param";
import type { ToolCallData, ToolOutput } from "../../core/tool";
import type { Usage } from "../../core/usage";
import type { AnthropicMessage, AnthropicMessageParam } from "./api";
import { commonMessageOf, textOf, thinkingOf, toolCallsOf, toolResultMessages } from "./content-blocks";
import { convertUsage } from "./convert-usage";
import { mapFinishReason } from "./map-finish-reason";
import type { AnthropicTool } from "./tool";

/** The response of a non-streaming Anthropic call (`raw` is the Messages API message). */
export class AnthropicCallResponse extends BaseCallResponse<AnthropicMessage, AnthropicMessageParam, AnthropicTool> {
  /** The text blocks, joined. */
  get content(): string {
    return textOf(this.raw.content ?? []);
  }
  /** The extended thinking text, joined (empty without thinking). */
  get thinking(): string {
    return thinkingOf(this.raw.content ?? []);
  }
  get finishReasons(): string[] {
    return this.raw.stop_reason ? [this.raw.stop_reason] : [];
  }
  get commonFinishReasons(): FinishReason[] {
    return this.finishReasons.map(mapFinishReason);
  }
  /** The stop sequence that ended the output, if one did. */
  get stopSequence(): string | null {
    return this.raw.stop_sequence ?? null;
  }
  get model(): string {
    return this.raw.model;
  }
  get id(): string | undefined {
    return this.raw.id;
  }
  get usage(): Usage | undefined {
    return this.raw.usage ? convertUsage(this.raw.usage) : undefined;
  }
  /** The assistant message with every content block as received (thinking signatures, server tool blocks). */
  get messageParam(): AnthropicMessageParam {
    return { role: "assistant", content: [...(this.raw.content ?? [])] };
  }
  get commonMessageParam(): BaseMessageParam {
    return commonMessageOf(this.raw.content ?? []);
  }
  get toolCalls(): ToolCallData[] {
    return toolCallsOf(this.raw.content ?? []);
  }
  toolMessageParams(outputs: readonly ToolOutput[]): AnthropicMessageParam[] {
    return toolResultMessages(outputs);
  }
}
