import { BaseCallResponseChunk } from "../../core/call-response-chunk.ts";
import type { FinishReason } from "../../core/finish-reason.ts";
import type { ToolCallDelta } from "../../core/tools/partial-tool.ts";
import type { Usage } from "../../core/usage.ts";
import type { AnthropicContentBlock, AnthropicStreamEvent } from "./api.ts";
import { partialUsage } from "./convert-usage.ts";
import { mapFinishReason } from "./map-finish-reason.ts";

/** What the stream decoder adds to an event. */
export interface AnthropicChunkExtras {
  /** On `content_block_stop`: the complete block (text, thinking with its signature, tool_use with its input …). */
  completedBlock?: AnthropicContentBlock;
  /** The JSON text this event adds to a `responseModel`/`jsonMode` output (see `getJsonOutput`). */
  jsonDelta?: string;
}

/** One event of a streamed Anthropic call (`raw` is the event's JSON). */
export class AnthropicCallResponseChunk extends BaseCallResponseChunk<AnthropicStreamEvent> {
  /** On `content_block_stop`: the complete content block. */
  readonly completedBlock: AnthropicContentBlock | undefined;
  /** The JSON delta for structured output (empty when this event adds none). */
  readonly jsonDelta: string;

  constructor(raw: AnthropicStreamEvent, extras: AnthropicChunkExtras = {}) {
    super(raw);
    this.completedBlock = extras.completedBlock;
    this.jsonDelta = extras.jsonDelta ?? "";
  }

  /** The event type, e.g. "content_block_delta". */
  get type(): string {
    return this.raw.type;
  }
  /** The content block index of a `content_block_*` event. */
  get index(): number | undefined {
    return "index" in this.raw ? this.raw.index : undefined;
  }
  get content(): string {
    return this.raw.type === "content_block_delta" && this.raw.delta.type === "text_delta" ? this.raw.delta.text : "";
  }
  /** The extended thinking text this event adds. */
  get thinking(): string {
    return this.raw.type === "content_block_delta" && this.raw.delta.type === "thinking_delta" ? this.raw.delta.thinking : "";
  }
  /** The thinking signature this event carries (`signature_delta`). */
  get signature(): string | undefined {
    return this.raw.type === "content_block_delta" && this.raw.delta.type === "signature_delta" ? this.raw.delta.signature : undefined;
  }
  /** The tool-call piece this event adds, by block index: id and name at `content_block_start`, then `input_json_delta` text. */
  get toolCallDeltas(): ToolCallDelta[] {
    const raw = this.raw;
    if (raw.type === "content_block_delta") {
      return raw.delta.type === "input_json_delta" ? [{ index: raw.index, arguments: raw.delta.partial_json }] : [];
    }
    if (raw.type !== "content_block_start" || raw.content_block.type !== "tool_use") return [];
    return [{ index: raw.index, id: raw.content_block.id, name: raw.content_block.name, arguments: "" }];
  }

  /** The tool input JSON text this event adds (`input_json_delta`). */
  get partialJson(): string {
    return this.raw.type === "content_block_delta" && this.raw.delta.type === "input_json_delta" ? this.raw.delta.partial_json : "";
  }
  get finishReasons(): string[] {
    const reason = this.raw.type === "message_delta" ? this.raw.delta?.stop_reason : undefined;
    return reason ? [reason] : [];
  }
  override get commonFinishReasons(): FinishReason[] {
    return this.finishReasons.map(mapFinishReason);
  }
  /** The usage this event reports: input at `message_start`, cumulative counts at `message_delta`. */
  get usage(): Partial<Usage> | undefined {
    if (this.raw.type === "message_start") return partialUsage(this.raw.message?.usage);
    if (this.raw.type === "message_delta") return partialUsage(this.raw.usage);
    return undefined;
  }
  override get model(): string | undefined {
    return this.raw.type === "message_start" ? this.raw.message?.model : undefined;
  }
  override get id(): string | undefined {
    return this.raw.type === "message_start" ? this.raw.message?.id : undefined;
  }
}
