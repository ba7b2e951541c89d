import type { BaseMessageParam, ToolOutput } from "promptcall";
import { BaseCallResponseChunk, BaseStream } from "promptcall/provider";
import { mapParrotStop, ParrotCallResponse } from "./parrot-call-response.ts";
import { parrotToolTurns } from "./parrot-messages.ts";
import type { ParrotEvent, ParrotTurn } from "./wire.ts";

/** One streamed Parrot event. */
export class ParrotChunk extends BaseCallResponseChunk<ParrotEvent> {
  get content() {
    return this.raw.kind === "piece" ? this.raw.text : "";
  }
  get finishReasons() {
    return this.raw.kind === "done" ? [this.raw.stop] : [];
  }
  override get commonFinishReasons() {
    return this.raw.kind === "done" ? [mapParrotStop(this.raw.stop)] : [];
  }
  get usage() {
    if (this.raw.kind !== "done") return undefined;
    return { inputTokens: this.raw.tokens.read, outputTokens: this.raw.tokens.written };
  }
}

/** A streamed Parrot call. */
export class ParrotStream extends BaseStream<ParrotChunk, ParrotTurn, ParrotCallResponse> {
  get messageParam(): ParrotTurn {
    return this.constructCallResponse().messageParam;
  }
  get commonMessageParam(): BaseMessageParam {
    return this.constructCallResponse().commonMessageParam;
  }
  toolMessageParams(outputs: readonly ToolOutput[]): ParrotTurn[] {
    return parrotToolTurns(outputs);
  }
  constructCallResponse(): ParrotCallResponse {
    const calls = this.toolCalls.map((c) => ({ ref: c.id, fn: c.name, input: c.args as Record<string, unknown> }));
    const stop = (this.finishReasons.at(-1) ?? "done") as "done";
    const tokens = { read: this.usage?.inputTokens ?? 0, written: this.usage?.outputTokens ?? 0 };
    return new ParrotCallResponse(this.responseInit({ reply: { text: this.content, calls }, stop, tokens, model: this.model }));
  }
}
