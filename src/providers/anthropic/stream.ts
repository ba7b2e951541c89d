import type { BaseMessageParam } from "../../core/message-param.ts";
import { BaseStream } from "../../core/stream.ts";
import type { ToolOutput } from "../../core/tools/tool.ts";
import type { AnthropicContentBlock, AnthropicMessage, AnthropicMessageParam, AnthropicStopReason, AnthropicUsage } from "./api.ts";
import { AnthropicCallResponse } from "./call-response.ts";
import type { AnthropicCallResponseChunk } from "./call-response-chunk.ts";
import { commonMessageOf, toolResultMessages } from "./content-blocks.ts";
import { convertUsage, mergeAnthropicUsage } from "./convert-usage.ts";
import type { AnthropicTool } from "./tool.ts";

/**
 * A streamed Anthropic call. Besides text it keeps every completed content block (thinking with its
 * signature, tool calls, server tool blocks), so `messageParam` continues a tool loop exactly.
 */
export class AnthropicStream extends BaseStream<AnthropicCallResponseChunk, AnthropicMessageParam, AnthropicCallResponse, AnthropicTool> {
  /** Extended thinking text received so far. */
  thinking = "";
  /** The stop sequence that ended the output, if one did. */
  stopSequence: string | null = null;
  private readonly blocks: AnthropicContentBlock[] = [];
  private rawUsage: Partial<AnthropicUsage> | undefined;
  private stopReason: AnthropicStopReason | null = null;

  protected override onChunk(chunk: AnthropicCallResponseChunk): void {
    super.onChunk(chunk);
    const event = chunk.raw;
    if (event.type === "content_block_delta") {
      this.thinking += chunk.thinking;
    } else if (event.type === "content_block_stop") {
      if (chunk.completedBlock) this.blocks[event.index] = chunk.completedBlock;
    } else if (event.type === "message_start") {
      this.updateUsage(event.message?.usage);
    } else if (event.type === "message_delta") {
      if (event.delta?.stop_reason) this.stopReason = event.delta.stop_reason;
      if (event.delta?.stop_sequence !== undefined) this.stopSequence = event.delta.stop_sequence;
      this.updateUsage(event.usage);
    }
  }

  /** Raw usage fields replace earlier ones one by one; `usage` is recomputed so `inputTokens` sums all three. */
  private updateUsage(update: Partial<AnthropicUsage> | undefined): void {
    this.rawUsage = mergeAnthropicUsage(this.rawUsage, update);
    if (this.rawUsage) this.usage = convertUsage(this.rawUsage);
  }

  /** The completed content blocks, in order. */
  get contentBlocks(): AnthropicContentBlock[] {
    return this.blocks.filter((block) => block !== undefined);
  }
  get messageParam(): AnthropicMessageParam {
    return { role: "assistant", content: this.contentBlocks };
  }
  get commonMessageParam(): BaseMessageParam {
    return commonMessageOf(this.contentBlocks);
  }
  toolMessageParams(outputs: readonly ToolOutput[]): AnthropicMessageParam[] {
    return toolResultMessages(outputs);
  }

  /** A call response with the same `raw` shape a non-streaming call returns. */
  constructCallResponse(): AnthropicCallResponse {
    const usage = this.rawUsage ?? {};
    const raw: AnthropicMessage = {
      id: this.id ?? "",
      type: "message",
      role: "assistant",
      model: this.model,
      content: this.contentBlocks,
      stop_reason: this.stopReason,
      stop_sequence: this.stopSequence,
      usage: { ...usage, input_tokens: usage.input_tokens ?? 0, output_tokens: usage.output_tokens ?? 0 },
    };
    return new AnthropicCallResponse(this.responseInit(raw));
  }
}
