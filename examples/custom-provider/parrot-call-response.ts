import type { BaseMessageParam, FinishReason, ToolCallData, ToolOutput } from "promptcall";
import { BaseCallResponse } from "promptcall/provider";
import { parrotToolTurns } from "./parrot-messages.ts";
import type { ParrotReply, ParrotTurn } from "./wire.ts";

const STOPS: Record<string, FinishReason> = { done: "stop", cutoff: "length", calls: "tool_calls" };

/** Maps Parrot's stop reason to the common finish reasons. */
export function mapParrotStop(stop: string): FinishReason {
  return STOPS[stop] ?? "stop";
}

/** A Parrot response. */
export class ParrotCallResponse extends BaseCallResponse<ParrotReply & { id?: string; model?: string }, ParrotTurn> {
  get content() {
    return this.raw.reply.text;
  }
  get finishReasons() {
    return [this.raw.stop];
  }
  get commonFinishReasons() {
    return [mapParrotStop(this.raw.stop)];
  }
  get model() {
    return this.raw.model ?? this.requestedModel ?? "parrot"; // Parrot answers do not name the model
  }
  get id() {
    return this.raw.id;
  }
  get usage() {
    const { read, written } = this.raw.tokens;
    return { inputTokens: read, outputTokens: written, cachedTokens: 0, totalTokens: read + written };
  }
  get toolCalls(): ToolCallData[] {
    return this.raw.reply.calls.map((c) => ({ id: c.ref, name: c.fn, args: c.input }));
  }
  get messageParam(): ParrotTurn {
    const calls = this.raw.reply.calls;
    return { speaker: "bot", text: this.content, ...(calls.length ? { calls } : {}) };
  }
  get commonMessageParam(): BaseMessageParam {
    const calls = this.raw.reply.calls;
    if (!calls.length) return { role: "assistant", content: this.content };
    return {
      role: "assistant",
      content: [
        ...(this.content ? [{ type: "text" as const, text: this.content }] : []),
        ...calls.map((c) => ({ type: "tool_call" as const, id: c.ref, name: c.fn, args: c.input })),
      ],
    };
  }
  toolMessageParams(outputs: readonly ToolOutput[]): ParrotTurn[] {
    return parrotToolTurns(outputs);
  }
}
