// The tool types. `BaseTool` and `defineTool` live in files of their own (so a provider's tool class
// does not load schema code) and are re-exported here. `parseToolArgs` is not: it loads with the tools
// seam, and a re-export here would put it up front in every program that imports the root entry.
import type { BaseTool } from "./base-tool.ts";
import type { SchemaLike } from "../structured/schema.ts";

export { BaseTool } from "./base-tool.ts";
export { defineTool } from "./define-tool.ts";

/** A tool the model may call: a name, a description, a parameters schema and the function to run. */
export interface ToolDefinition<Name extends string = string, Args = any, Output = unknown> {
  readonly name: Name;
  readonly description: string;
  readonly parameters: SchemaLike<Args>;
  readonly call: (args: Args) => Output | Promise<Output>;
  /** JSON Schema of the parameters, generated once per tool. */
  readonly jsonSchema: Record<string, unknown>;
  /** Provider-specific extras (e.g. `{ cacheControl: { type: "ephemeral" } }` for Anthropic). */
  readonly providerOptions?: Record<string, unknown>;
  /** Run only after `approve(tool)` resolves true (`executeTools`/`runTools` option); a function decides per call. */
  readonly needsApproval?: boolean | ((args: Args) => boolean | Promise<boolean>);
}

/** A tool call as a provider reported it, before validation. */
export interface ToolCallData {
  id: string;
  name: string;
  /** Raw argument text (JSON) exactly as received, or the parsed object when the wire format has one. */
  args: string | Record<string, unknown>;
  /** Provider data that must be sent back with the call (e.g. Gemini's `thoughtSignature`). */
  providerData?: Record<string, unknown>;
}

/** The tool instance type for a tuple of tool definitions (discriminated by `name`). */
export type ToolInstanceOf<T> = T extends ToolDefinition<infer N, infer A, infer O> ? BaseTool<N, A, O> : never;

/**
 * A tool call and what running it returned. An error result has a third element, the error (the
 * tool threw, or its arguments were invalid); its `output` is then the text the model reads.
 */
export type ToolOutput<T extends BaseTool = BaseTool> = readonly [tool: T, output: unknown, error?: unknown];
