import { BaseCallResponse } from "../../core/call-response.ts";
import type { FinishReason } from "../../core/finish-reason.ts";
import type { BaseMessageParam } from "../../core/message-param.ts";
import type { ToolCallData, ToolOutput } from "../../core/tools/tool.ts";
import type { Usage } from "../../core/usage.ts";
import type { AnthropicMessage, AnthropicMessageParam } from "./api.ts";
import { commonMessageOf, textOf, thinkingOf, toolCallsOf, toolResultMessages } from "./content-blocks.ts";
import { convertUsage } from "./convert-usage.ts";
import { mapFinishReason } from "./map-finish-reason.ts";
import { failures } from "./seams.ts";
import type { AnthropicTool } from "./tool.ts";

/** The response of a non-streaming Anthropic call (`raw` is the Messages API message). */
export class AnthropicCallResponse extends BaseCallResponse<AnthropicMessage, AnthropicMessageParam, AnthropicTool> {
  /** Rejects a 2xx body that is an error envelope (`{ type: "error", error }`, as a gateway may send), then validates tool calls. */
  override async resolveTools(): Promise<void> {
    if ((this.raw as { type?: string }).type === "error") throw (await failures()).bodyError(this.raw);
    return super.resolveTools();
  }
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
