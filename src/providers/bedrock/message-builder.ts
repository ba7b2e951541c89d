import type { ToolCallData } from "../../core/tools/tool.ts";
import type { BedrockContentBlock } from "./api.ts";

/** A block being streamed: its kind and what arrived for it so far. */
interface OpenBlock {
  text: string;
  /** The tool call's id and name, from `contentBlockStart`. */
  toolUse?: { toolUseId: string; name: string };
  /** The raw tool input JSON, joined from the deltas. */
  input: string;
  reasoning?: { text: string; signature?: string; redacted?: string };
}

/** What closing a block produced: the complete block and, for a tool call, its call data. */
export interface ClosedBlock {
  block: BedrockContentBlock;
  toolCall?: ToolCallData;
}

type Delta = {
  text?: string;
  toolUse?: { input?: string };
  reasoningContent?: { text?: string; signature?: string; redactedContent?: string };
};

/**
 * Rebuilds the message's content blocks from `contentBlockStart/Delta/Stop` events: text and
 * reasoning deltas are appended, a reasoning `signature` is kept, `redactedContent` joined, and
 * `toolUse.input` fragments joined and parsed when the block stops. A delta may come without a
 * `contentBlockStart` (Nova sends none for text): it opens the block.
 */
export class MessageBuilder {
  private readonly open = new Map<number, OpenBlock>();
  private readonly closed: BedrockContentBlock[] = [];
  /** Text received so far, across text blocks. */
  text = "";

  /** `contentBlockStart`: a tool call's id and name (other blocks start with their first delta). */
  start(index: number, start: { toolUse?: { toolUseId: string; name: string } } | undefined): void {
    this.open.set(index, { text: "", input: "", toolUse: start?.toolUse ? { ...start.toolUse } : undefined });
  }

  /** `contentBlockDelta`: applies a delta; unknown delta kinds are ignored. */
  delta(index: number, delta: Delta | undefined): void {
    if (!delta) return;
    let entry = this.open.get(index);
    if (!entry) {
      entry = { text: "", input: "" };
      this.open.set(index, entry);
    }
    if (typeof delta.text === "string") {
      entry.text += delta.text;
      this.text += delta.text;
    } else if (delta.toolUse) {
      entry.input += delta.toolUse.input ?? "";
    } else if (delta.reasoningContent) {
      const r = delta.reasoningContent;
      entry.reasoning ??= { text: "" };
      entry.reasoning.text += r.text ?? "";
      if (r.signature !== undefined) entry.reasoning.signature = (entry.reasoning.signature ?? "") + r.signature;
      if (r.redactedContent !== undefined) entry.reasoning.redacted = (entry.reasoning.redacted ?? "") + r.redactedContent;
    }
  }

  /** `contentBlockStop`: completes the block; a tool call also gives its call data. */
  stop(index: number): ClosedBlock | undefined {
    const entry = this.open.get(index);
    if (!entry) return undefined;
    this.open.delete(index);
    const block = toBlock(entry);
    this.closed[index] = block;
    if (!entry.toolUse) return { block };
    const { toolUseId, name } = entry.toolUse;
    return { block, toolCall: { id: toolUseId, name, args: entry.input === "" ? "{}" : entry.input } };
  }

  /** The name of the open tool block at `index` (to tell the forced `responseModel` tool's deltas). */
  toolName(index: number): string | undefined {
    return this.open.get(index)?.toolUse?.name;
  }

  /** Every block so far, complete ones and those still streaming, in index order. */
  snapshot(): BedrockContentBlock[] {
    const all = [...this.closed];
    for (const [index, entry] of this.open) all[index] = toBlock(entry);
    return all.filter((block) => block !== undefined);
  }
}

function toBlock(entry: OpenBlock): BedrockContentBlock {
  if (entry.toolUse) return { toolUse: { ...entry.toolUse, input: parseInput(entry.input) } };
  const r = entry.reasoning;
  if (r?.redacted !== undefined) return { reasoningContent: { redactedContent: r.redacted } };
  if (r)
    return { reasoningContent: { reasoningText: r.signature === undefined ? { text: r.text } : { text: r.text, signature: r.signature } } };
  return { text: entry.text };
}

/** The tool input as an object: `{}` for no input, the raw text for input that is not a JSON object (validation reports it). */
function parseInput(json: string): unknown {
  if (json.trim() === "") return {};
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}
