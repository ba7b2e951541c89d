import { BaseCallResponseChunk } from "../../core/call-response-chunk.ts";
import type { FinishReason } from "../../core/finish-reason.ts";
import type { ToolCallDelta } from "../../core/tools/partial-tool.ts";
import type { Usage } from "../../core/usage.ts";
import type { BedrockContentBlock, BedrockStreamEvent } from "./api.ts";
import { convertUsage } from "./convert-usage.ts";
import { mapFinishReason } from "./map-finish-reason.ts";

/** What the stream decoder adds to an event. */
export interface BedrockChunkExtras {
  /** On `contentBlockStop`: the complete block (text, reasoning with its signature, toolUse with its input). */
  completedBlock?: BedrockContentBlock;
  /** The JSON text this event adds to a `responseModel`/`jsonMode` output (see `getJsonOutput`). */
  jsonDelta?: string;
}

type Delta = { text?: string; toolUse?: { input?: string }; reasoningContent?: { text?: string; signature?: string } };

/** One event of a ConverseStream body (`raw` is its JSON payload, `type` its `:event-type`). */
export class BedrockCallResponseChunk extends BaseCallResponseChunk<BedrockStreamEvent> {
  /** On `contentBlockStop`: the complete content block. */
  readonly completedBlock: BedrockContentBlock | undefined;
  /** The JSON delta for structured output (empty when this event adds none). */
  readonly jsonDelta: string;

  constructor(raw: BedrockStreamEvent, extras: BedrockChunkExtras = {}) {
    super(raw);
    this.completedBlock = extras.completedBlock;
    this.jsonDelta = extras.jsonDelta ?? "";
  }

  /** The event type, e.g. "contentBlockDelta". */
  get type(): string {
    return this.raw.type;
  }
  /** The content block index of a `contentBlock*` event. */
  get index(): number | undefined {
    return "contentBlockIndex" in this.raw ? this.raw.contentBlockIndex : undefined;
  }
  private get delta(): Delta | undefined {
    return this.raw.type === "contentBlockDelta" ? (this.raw.delta as Delta) : undefined;
  }
  get content(): string {
    return this.delta?.text ?? "";
  }
  /** The reasoning text this event adds. */
  get thinking(): string {
    return this.delta?.reasoningContent?.text ?? "";
  }
  /** The reasoning signature this event carries. */
  get signature(): string | undefined {
    return this.delta?.reasoningContent?.signature;
  }
  /** The tool-call piece this event adds, by block index: id and name at `contentBlockStart`, then `toolUse.input` text. */
  get toolCallDeltas(): ToolCallDelta[] {
    const raw = this.raw;
    if (raw.type === "contentBlockDelta") {
      const input = this.delta?.toolUse?.input;
      return input === undefined ? [] : [{ index: raw.contentBlockIndex, arguments: input }];
    }
    if (raw.type !== "contentBlockStart" || !raw.start?.toolUse) return [];
    const start = raw.start.toolUse;
    return [{ index: raw.contentBlockIndex, id: start.toolUseId, name: start.name, arguments: "" }];
  }
  /** The tool input JSON text this event adds. */
  get partialJson(): string {
    return this.delta?.toolUse?.input ?? "";
  }
  get finishReasons(): string[] {
    return this.raw.type === "messageStop" && this.raw.stopReason ? [this.raw.stopReason] : [];
  }
  override get commonFinishReasons(): FinishReason[] {
    return this.finishReasons.map(mapFinishReason);
  }
  /** The usage the closing `metadata` event reports. */
  get usage(): Partial<Usage> | undefined {
    return this.raw.type === "metadata" && this.raw.usage ? convertUsage(this.raw.usage) : undefined;
  }
}
