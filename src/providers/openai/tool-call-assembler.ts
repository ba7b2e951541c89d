import type { ToolCallData } from "../../core/tools/tool.ts";
import type { ChatCompletionChunk } from "./api.ts";

interface OpenCall {
  index: number;
  id: string;
  name: string;
  args: string;
}

/**
 * Assembles streamed Chat Completions tool calls from their fragments, keyed by `index`. A call is
 * complete when a call with a higher index starts, when a new `id` reuses its index (some
 * OpenAI-compatible servers send every call as index 0), or when the choice finishes.
 */
export class ToolCallAssembler {
  private readonly open = new Map<number, OpenCall>();

  /** Adds a chunk's fragments; returns the calls it completed, in index order. */
  push(chunk: ChatCompletionChunk): ToolCallData[] {
    const done: ToolCallData[] = [];
    const choice = (chunk.choices ?? []).find((c) => (c.index ?? 0) === 0);
    if (!choice) return done;
    const fragments = choice.delta?.tool_calls ?? [];
    for (let position = 0; position < fragments.length; position++) {
      const fragment = fragments[position];
      const index = typeof fragment.index === "number" ? fragment.index : position;
      let call = this.open.get(index);
      if (call && fragment.id && call.id && fragment.id !== call.id) {
        done.push(...this.close((i) => i === index));
        call = undefined;
      }
      if (!call) {
        done.push(...this.close((i) => i < index));
        call = { index, id: "", name: "", args: "" };
        this.open.set(index, call);
      }
      if (fragment.id && !call.id) call.id = fragment.id;
      if (fragment.function?.name && !call.name) call.name = fragment.function.name;
      call.args += fragment.function?.arguments ?? "";
    }
    if (choice.finish_reason) done.push(...this.flush());
    return done;
  }

  /** Completes every open call (the stream ended). */
  flush(): ToolCallData[] {
    return this.close(() => true);
  }

  /** The calls received so far, complete or not (for errors). */
  pending(): ToolCallData[] {
    return [...this.open.values()].map(toData);
  }

  private close(which: (index: number) => boolean): ToolCallData[] {
    const closing = [...this.open.values()].filter((call) => which(call.index)).sort((a, b) => a.index - b.index);
    for (const call of closing) this.open.delete(call.index);
    return closing.map(toData);
  }
}

function toData(call: OpenCall): ToolCallData {
  return { id: call.id, name: call.name, args: call.args };
}
