import { toJsonSchema, type InferSchema, type SchemaLike } from "../structured/schema.ts";
import type { ToolDefinition } from "./tool.ts";

/** Defines a tool from a name, a description, a parameters schema and a function. */
export function defineTool<const Name extends string, S extends SchemaLike, Output>(spec: {
  name: Name;
  description: string;
  parameters: S;
  call: (args: InferSchema<S>) => Output | Promise<Output>;
  providerOptions?: Record<string, unknown>;
  /** Ask before running: `runTools`/`executeTools` run the tool only after `approve(tool)` resolves true. */
  needsApproval?: boolean | ((args: InferSchema<S>) => boolean | Promise<boolean>);
}): ToolDefinition<Name, InferSchema<S>, Output> {
  if (!/^[a-zA-Z0-9_-]{1,64}$/.test(spec.name)) {
    throw new TypeError(`Tool name "${spec.name}" is invalid: use 1-64 letters, digits, "_" or "-" (providers reject other names).`);
  }
  return Object.freeze({ ...spec, jsonSchema: toJsonSchema(spec.parameters) });
}
