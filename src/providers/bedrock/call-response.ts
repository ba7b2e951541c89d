import { BaseCallResponse } from "../../core/call-response.ts";
import type { FinishReason } from "../../core/finish-reason.ts";
import type { BaseMessageParam } from "../../core/message-param.ts";
import type { ToolCallData, ToolOutput } from "../../core/tools/tool.ts";
import type { Usage } from "../../core/usage.ts";
import type { BedrockContentBlock, BedrockConverseResponse, BedrockMessageParam } from "./api.ts";
import { commonMessageOf, reasoningOf, textOf, toolCallsOf, toolResultMessages } from "./content-blocks.ts";
import { convertUsage } from "./convert-usage.ts";
import { mapFinishReason } from "./map-finish-reason.ts";
import { failures } from "./seams.ts";
import type { BedrockTool } from "./tool.ts";

/** The response of a non-streaming Bedrock call (`raw` is the Converse response). */
export class BedrockCallResponse extends BaseCallResponse<BedrockConverseResponse, BedrockMessageParam, BedrockTool> {
  /** Rejects a 2xx body without `output` (an error body, as a gateway may send: no Converse response), then validates tool calls. */
  override async resolveTools(): Promise<void> {
    if (!this.raw.output) throw (await failures()).bodyError(this.raw);
    return super.resolveTools();
  }
  /** The content blocks of the output message. */
  get contentBlocks(): BedrockContentBlock[] {
    return this.raw.output?.message?.content ?? [];
  }
  /** The text blocks, joined. */
  get content(): string {
    return textOf(this.contentBlocks);
  }
  /** The reasoning text, joined (empty without reasoning). */
  get thinking(): string {
    return reasoningOf(this.contentBlocks);
  }
  get finishReasons(): string[] {
    return this.raw.stopReason ? [this.raw.stopReason] : [];
  }
  get commonFinishReasons(): FinishReason[] {
    return this.finishReasons.map(mapFinishReason);
  }
  /** The model id the call asked for: Converse responses do not name one. */
  get model(): string {
    return this.requestedModel ?? "";
  }
  /** Converse responses carry no id (the request id is an HTTP header). */
  get id(): string | undefined {
    return undefined;
  }
  get usage(): Usage | undefined {
    return this.raw.usage ? convertUsage(this.raw.usage) : undefined;
  }
  /** The assistant message with every content block as received (reasoning signatures included). */
  get messageParam(): BedrockMessageParam {
    return { role: "assistant", content: [...this.contentBlocks] };
  }
  get commonMessageParam(): BaseMessageParam {
    return commonMessageOf(this.contentBlocks);
  }
  get toolCalls(): ToolCallData[] {
    return toolCallsOf(this.contentBlocks);
  }
  toolMessageParams(outputs: readonly ToolOutput[]): BedrockMessageParam[] {
    return toolResultMessages(outputs);
  }
}
