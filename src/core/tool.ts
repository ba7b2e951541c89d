import { ToolArgumentsError } from "../errors/tool-arguments-error";
import { describeIssues, toJsonSchema, validateSchema, type InferSchema, type SchemaLike } from "./schema";

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

/** Defines a tool from a name, a description, a parameters schema and a function. */
export function defineTool<const Name extends string, S extends SchemaLike, Output>(spec: {
  name: Name;
  description: string;
  parameters: S;
  call: (args: InferSchema<S>) => Output | Promise<Output>;
  providerOptions?: Record<string, unknown>;
}): ToolDefinition<Name, InferSchema<S>, Output> {
  if (!/^[a-zA-Z0-9_-]{1,64}$/.test(spec.name)) {
    throw new TypeError(
      `Tool name "${spec.name}" is invalid: use 1-64 letters, digits, "_" or "-" (providers reject other names).`,
    );
  }
  return Object.freeze({ ...spec, jsonSchema: toJsonSchema(spec.parameters) });
}

/** A validated tool call, ready to run. Provider tool classes extend it. */
export class BaseTool<Name extends string = string, Args = any, Output = unknown> {
  readonly name: Name;
  readonly id: string;
  readonly args: Args;
  readonly definition: ToolDefinition<Name, Args, Output>;
  /** The call data as the provider sent it. */
  readonly toolCall: ToolCallData;

  constructor(definition: ToolDefinition<Name, Args, Output>, toolCall: ToolCallData, args: Args) {
    this.name = definition.name;
    this.id = toolCall.id;
    this.args = args;
    this.definition = definition;
    this.toolCall = toolCall;
  }

  /** Runs the tool's function with the validated arguments. */
  call(): Promise<Output> {
    return Promise.resolve(this.definition.call(this.args));
  }

  /** The tool's schema in the provider's wire format. Provider classes override this. */
  static toolSchema(definition: ToolDefinition): unknown {
    return { name: definition.name, description: definition.description, parameters: definition.jsonSchema };
  }

  /** Parses and validates a provider's tool call against its definition. */
  static async fromToolCall<T extends BaseTool>(
    this: new (definition: ToolDefinition, toolCall: ToolCallData, args: any) => T,
    definition: ToolDefinition,
    toolCall: ToolCallData,
  ): Promise<T> {
    const args = await parseToolArgs(definition, toolCall);
    return new this(definition, toolCall, args);
  }
}

/** Parses a tool call's JSON arguments and validates them with the tool's schema. */
export async function parseToolArgs(definition: ToolDefinition, toolCall: ToolCallData): Promise<unknown> {
  const rawText = typeof toolCall.args === "string" ? toolCall.args : JSON.stringify(toolCall.args);
  let parsed: unknown = toolCall.args;
  if (typeof toolCall.args === "string") {
    try {
      parsed = toolCall.args.trim() === "" ? {} : JSON.parse(toolCall.args);
    } catch (cause) {
      throw new ToolArgumentsError(
        `Tool "${definition.name}" was called with arguments that are not valid JSON. ` +
          `The raw text is on the error's \`raw\` property; ask the model again or handle it yourself.`,
        { toolName: definition.name, raw: rawText, cause },
      );
    }
  }
  const result = await validateSchema(definition.parameters, parsed);
  if (!result.ok) {
    throw new ToolArgumentsError(
      `Tool "${definition.name}" was called with arguments that do not match its schema: ` +
        describeIssues(result.issues),
      { toolName: definition.name, raw: rawText, issues: result.issues },
    );
  }
  return result.value;
}

/** The tool instance type for a tuple of tool definitions (discriminated by `name`). */
export type ToolInstanceOf<T> = T extends ToolDefinition<infer N, infer A, infer O> ? BaseTool<N, A, O> : never;

/** A tool call and what running it returned. */
export type ToolOutput<T extends BaseTool = BaseTool> = readonly [tool: T, output: unknown];
