import type { ToolCallData } from "../../core/tools/tool.ts";
import type { AnthropicContentBlock, AnthropicDelta } from "./api.ts";

/** A block being streamed, with the raw tool input text collected so far. */
interface OpenBlock {
  block: AnthropicContentBlock;
  json: string;
}

/** What closing a block produced: the complete block and, for a client tool call, its call data. */
export interface ClosedBlock {
  block: AnthropicContentBlock;
  toolCall?: ToolCallData;
}

/**
 * Rebuilds content blocks from `content_block_start/delta/stop` events, the way the API's docs
 * describe: text and thinking deltas are appended, `signature_delta` sets the thinking signature,
 * and `input_json_delta` fragments are joined and parsed into `input` when the block stops.
 */
export class MessageBuilder {
  private readonly open = new Map<number, OpenBlock>();
  private readonly closed: AnthropicContentBlock[] = [];
  /** Text received so far, across text blocks. */
  text = "";

  /** `content_block_start`: copies the (empty) block. */
  start(index: number, block: AnthropicContentBlock): void {
    this.open.set(index, { block: { ...block } as AnthropicContentBlock, json: "" });
  }

  /** `content_block_delta`: applies a delta; returns the open block it touched (undefined if none). */
  delta(index: number, delta: AnthropicDelta): AnthropicContentBlock | undefined {
    const entry = this.open.get(index);
    if (!entry || !delta) return entry?.block;
    const block = entry.block as unknown as Record<string, unknown>;
    switch (delta.type) {
      case "text_delta":
        block.text = String(block.text ?? "") + delta.text;
        this.text += delta.text;
        break;
      case "thinking_delta":
        block.thinking = String(block.thinking ?? "") + delta.thinking;
        break;
      case "signature_delta":
        block.signature = String(block.signature ?? "") + delta.signature;
        break;
      case "input_json_delta":
        entry.json += delta.partial_json;
        break;
      case "citations_delta":
        block.citations = [...((block.citations as unknown[] | null | undefined) ?? []), delta.citation];
        break;
      default:
        // A delta type added after this code was written: ignored, as the docs ask.
        break;
    }
    return entry.block;
  }

  /** `content_block_stop`: completes the block; a client `tool_use` also gives its call data. */
  stop(index: number): ClosedBlock | undefined {
    const entry = this.open.get(index);
    if (!entry) return undefined;
    this.open.delete(index);
    const { block, json } = entry;
    if (block.type === "tool_use" || block.type === "server_tool_use") {
      const input = parseInput(json);
      if (input) block.input = input;
      else block.input ??= {};
    }
    if (block.type === "thinking") block.signature ??= "";
    this.closed[index] = block;
    if (block.type !== "tool_use") return { block };
    return { block, toolCall: { id: block.id, name: block.name, args: json === "" ? JSON.stringify(block.input) : json } };
  }

  /** The name of the open tool block at `index` (to tell the forced `responseModel` tool's deltas). */
  toolName(index: number): string | undefined {
    const block = this.open.get(index)?.block;
    return block && (block.type === "tool_use" || block.type === "server_tool_use") ? block.name : undefined;
  }

  /** Every block so far, complete ones and those still streaming, in index order. */
  snapshot(): AnthropicContentBlock[] {
    const all = [...this.closed];
    for (const [index, entry] of this.open) all[index] = entry.block;
    return all.filter((block) => block !== undefined);
  }
}

function parseInput(json: string): Record<string, unknown> | undefined {
  if (json.trim() === "") return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
