import type { DeepPartial } from "../structured/structured-stream.ts";
import type { ToolDefinition } from "./tool.ts";

/**
 * A piece of a streamed tool call as a provider's chunk reports it (`chunk.toolCallDeltas`):
 * `index` tells parallel calls apart; `id` and `name` come with the call's first piece.
 */
export interface ToolCallDelta {
  index: number | string;
  id?: string;
  name?: string;
  /** New argument text (JSON), possibly "". */
  arguments: string;
}

/**
 * A tool call whose arguments are still arriving (`stream: { partialTools: true }`). `args` is the
 * deep-partial value parsed so far: one live object, updated in place as text arrives (copy it with
 * `structuredClone` to keep a snapshot). The complete, validated tool follows with `partial === false`.
 */
export class PartialTool<Name extends string = string, Args = unknown> {
  readonly partial = true as const;
  readonly name: Name;
  /** The call's id (empty until the provider sent it). */
  readonly id: string;
  /** The argument text this piece added. */
  readonly delta: string;
  /** The arguments parsed so far (deep-partial; `{}` before any text). */
  readonly args: DeepPartial<Args>;

  constructor(name: Name, id: string, delta: string, args: DeepPartial<Args>) {
    this.name = name;
    this.id = id;
    this.delta = delta;
    this.args = args;
  }
}

/** The partial tool type for a union of tool definitions (discriminated by `name`). */
export type PartialToolOf<T> = T extends ToolDefinition<infer N, infer A> ? PartialTool<N, A> : never;
