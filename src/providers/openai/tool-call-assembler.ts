import type { ToolCallData } from "../../core/tools/tool.ts";
import type { ChatCompletionChunk } from "./api.ts";

/** A call being assembled: its id, name and argument text so far. */
type OpenCall = { id: string; name: string; args: string };

/**
 * Assembles streamed Chat Completions tool calls from their fragments, keyed by `index`. A call is
 * complete when a call with a higher index starts, when a new `id` reuses its index (some
 * OpenAI-compatible servers send every call as index 0), or when the choice finishes.
 */
export class ToolCallAssembler {
  /** The calls received and not complete yet, by index (a failed stream reports them). */
  readonly open = new Map<number, OpenCall>();

  /** Adds a chunk's fragments; returns the calls it completed, in index order. */
  push(chunk: ChatCompletionChunk): ToolCallData[] {
    const done: ToolCallData[] = [];
    const choice = chunk.choices?.find((c) => (c.index ?? 0) === 0);
    const fragments = choice?.delta?.tool_calls ?? [];
    for (let position = 0; position < fragments.length; position++) {
      const fragment = fragments[position];
      const index = typeof fragment.index === "number" ? fragment.index : position;
      const id = fragment.id ?? "";
      let call = this.open.get(index);
      if (call && id && call.id && id !== call.id) {
        done.push(...this.close((i) => i === index));
        call = undefined;
      }
      if (!call) {
        done.push(...this.close((i) => i < index));
        call = { id: "", name: "", args: "" };
        this.open.set(index, call);
      }
      call.id ||= id;
      call.name ||= fragment.function?.name ?? "";
      call.args += fragment.function?.arguments ?? "";
    }
    if (choice?.finish_reason) done.push(...this.flush());
    return done;
  }

  /** Completes every open call (the stream ended). */
  flush(): ToolCallData[] {
    return this.close(() => true);
  }

  /** Takes the open calls whose index passes `which` out, in index order. */
  private close(which: (index: number) => boolean): ToolCallData[] {
    const closing = [...this.open].filter(([index]) => which(index)).sort((a, b) => a[0] - b[0]);
    for (const [index] of closing) this.open.delete(index);
    return closing.map(([, call]) => call);
  }
}
