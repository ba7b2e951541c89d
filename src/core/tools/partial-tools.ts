// Partial tools, in the `tools` seam (core/seams.ts): loaded once per stream, only with `stream: { partialTools: true }`.
import { PartialJsonParser } from "../structured/partial-json.ts";
import { PartialTool, type ToolCallDelta } from "./partial-tool.ts";
import type { ToolDefinition } from "./tool.ts";

interface CallState {
  id: string;
  name: string;
  parser: PartialJsonParser;
  /** False once the text stopped being JSON: no more partials (the complete tool reports the error). */
  ok: boolean;
}

/** Turns the tool-call pieces of each chunk into partial tools (one per piece, in order). */
export class PartialToolTracker {
  private readonly calls = new Map<number | string, CallState>();
  private readonly names: ReadonlySet<string>;

  constructor(definitions: readonly ToolDefinition[]) {
    this.names = new Set(definitions.map((d) => d.name));
  }

  /** The partial tools of a chunk's pieces (`chunk.toolCallDeltas`; none for providers that send calls whole). */
  push(deltas: readonly ToolCallDelta[] | undefined): PartialTool[] {
    if (!deltas || deltas.length === 0) return [];
    const out: PartialTool[] = [];
    for (const delta of deltas) {
      const partial = this.piece(delta);
      if (partial) out.push(partial);
    }
    return out;
  }

  private piece(delta: ToolCallDelta): PartialTool | undefined {
    let call = this.calls.get(delta.index);
    // Some servers reuse index 0 for every call: a new id starts a new call.
    if (!call || (delta.id && call.id && delta.id !== call.id)) {
      call = { id: "", name: "", parser: new PartialJsonParser(), ok: true };
      this.calls.set(delta.index, call);
    }
    if (delta.id) call.id = delta.id;
    if (delta.name) call.name = delta.name;
    if (!call.ok || !this.names.has(call.name)) return undefined;
    if (delta.arguments) {
      try {
        call.parser.push(delta.arguments);
      } catch {
        call.ok = false;
        return undefined;
      }
    }
    return new PartialTool(call.name, call.id, delta.arguments, (call.parser.value ?? {}) as never);
  }
}
