import { BaseCallResponseChunk } from "../../core/call-response-chunk.ts";
import type { FinishReason } from "../../core/finish-reason.ts";
import type { Usage } from "../../core/usage.ts";
import { mapScriptedFinishReason } from "./scripted-call-response.ts";
import type { ScriptedWireChunk } from "./wire.ts";

/** One streamed event of the scripted provider. */
export class ScriptedCallResponseChunk extends BaseCallResponseChunk<ScriptedWireChunk> {
  get content(): string {
    return this.raw.type === "delta" ? this.raw.text : "";
  }
  get finishReasons(): string[] {
    return this.raw.type === "end" ? [this.raw.finish_reason] : [];
  }
  override get commonFinishReasons(): FinishReason[] {
    return this.raw.type === "end" ? [mapScriptedFinishReason(this.raw.finish_reason)] : [];
  }
  get usage(): Partial<Usage> | undefined {
    if (this.raw.type !== "end") return undefined;
    const u = this.raw.usage;
    return { inputTokens: u.input_tokens, outputTokens: u.output_tokens, cachedTokens: u.cached_tokens ?? 0 };
  }
  override get model(): string | undefined {
    return this.raw.type === "end" ? this.raw.model : undefined;
  }
  override get id(): string | undefined {
    return this.raw.type === "end" ? this.raw.id : undefined;
  }
}
