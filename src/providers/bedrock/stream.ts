import type { BaseMessageParam } from "../../core/message-param.ts";
import { BaseStream } from "../../core/stream.ts";
import type { ToolOutput } from "../../core/tools/tool.ts";
import type { BedrockContentBlock, BedrockConverseResponse, BedrockMessageParam, BedrockUsage } from "./api.ts";
import { BedrockCallResponse } from "./call-response.ts";
import type { BedrockCallResponseChunk } from "./call-response-chunk.ts";
import { commonMessageOf, toolResultMessages } from "./content-blocks.ts";
import type { BedrockTool } from "./tool.ts";

/**
 * A streamed Bedrock call. Besides text it keeps every completed content block (reasoning with its
 * signature, tool calls), so `messageParam` continues a tool loop exactly.
 */
export class BedrockStream extends BaseStream<BedrockCallResponseChunk, BedrockMessageParam, BedrockCallResponse, BedrockTool> {
  /** Reasoning text received so far. */
  thinking = "";
  private readonly blocks: BedrockContentBlock[] = [];
  private rawUsage: BedrockUsage | undefined;
  private stopReason = "";
  private metrics: { latencyMs: number } | undefined;

  protected override onChunk(chunk: BedrockCallResponseChunk): void {
    super.onChunk(chunk);
    const event = chunk.raw;
    if (event.type === "contentBlockDelta") {
      this.thinking += chunk.thinking;
    } else if (event.type === "contentBlockStop") {
      if (chunk.completedBlock) this.blocks[event.contentBlockIndex] = chunk.completedBlock;
    } else if (event.type === "messageStop") {
      this.stopReason = event.stopReason ?? "";
    } else if (event.type === "metadata") {
      this.rawUsage = event.usage;
      this.metrics = event.metrics;
    }
  }

  /** The completed content blocks, in order. */
  get contentBlocks(): BedrockContentBlock[] {
    return this.blocks.filter((block) => block !== undefined);
  }
  get messageParam(): BedrockMessageParam {
    return { role: "assistant", content: this.contentBlocks };
  }
  get commonMessageParam(): BaseMessageParam {
    return commonMessageOf(this.contentBlocks);
  }
  toolMessageParams(outputs: readonly ToolOutput[]): BedrockMessageParam[] {
    return toolResultMessages(outputs);
  }

  /** A call response with the same `raw` shape a non-streaming Converse call returns. */
  constructCallResponse(): BedrockCallResponse {
    const raw: BedrockConverseResponse = {
      output: { message: { role: "assistant", content: this.contentBlocks } },
      stopReason: this.stopReason,
      ...(this.rawUsage ? { usage: this.rawUsage } : {}),
      ...(this.metrics ? { metrics: this.metrics } : {}),
    };
    return new BedrockCallResponse(this.responseInit(raw));
  }
}
