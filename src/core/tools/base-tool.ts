import type { ToolArgumentsError } from "../../errors/tool-arguments-error.ts";
import type { UnknownToolError } from "../../errors/unknown-tool-error.ts";
import { tools } from "../seams.ts";
import type { ToolCallData, ToolDefinition } from "./tool.ts";

/** A validated tool call, ready to run. Provider tool classes extend it. */
export class BaseTool<Name extends string = string, Args = any, Output = unknown> {
  readonly name: Name;
  readonly id: string;
  /** The validated arguments; for a tool with `error` set, what the model sent (not validated). */
  readonly args: Args;
  readonly definition: ToolDefinition<Name, Args, Output>;
  /** The call data as the provider sent it. */
  readonly toolCall: ToolCallData;
  /**
   * Set when the model's arguments were not JSON or failed the schema (`ToolArgumentsError`), or when
   * the model called a tool the call does not define (`UnknownToolError`): `call()` then rejects with it.
   */
  readonly error: ToolArgumentsError | UnknownToolError | undefined;
  /** Always false: a complete tool (`stream: { partialTools: true }` also yields `PartialTool`s, `partial: true`). */
  readonly partial = false as const;

  constructor(
    definition: ToolDefinition<Name, Args, Output>,
    toolCall: ToolCallData,
    args: Args,
    error?: ToolArgumentsError | UnknownToolError,
  ) {
    this.name = definition.name;
    this.id = toolCall.id;
    this.args = args;
    this.definition = definition;
    this.toolCall = toolCall;
    this.error = error;
  }

  /** Runs the tool's function with the validated arguments (rejects with `error` when they were invalid). */
  call(): Promise<Output> {
    if (this.error) return Promise.reject(this.error);
    try {
      return Promise.resolve(this.definition.call(this.args));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** The tool's schema in the provider's wire format. Provider classes override this. */
  static toolSchema(definition: ToolDefinition): unknown {
    return { name: definition.name, description: definition.description, parameters: definition.jsonSchema };
  }

  /** Parses and validates a provider's tool call against its definition. */
  static async fromToolCall<T extends BaseTool>(
    this: new (
      definition: ToolDefinition,
      toolCall: ToolCallData,
      args: any,
    ) => T,
    definition: ToolDefinition,
    toolCall: ToolCallData,
  ): Promise<T> {
    // Parsing and validation load with the first tool call.
    const args = await (await tools()).parseToolArgs(definition, toolCall);
    return new this(definition, toolCall, args);
  }

  /** A tool whose call failed (`error` set, `args` as the model sent them): it goes back to the model as an error result. */
  static fromInvalidToolCall<T extends BaseTool>(
    this: new (
      definition: ToolDefinition,
      toolCall: ToolCallData,
      args: any,
      error?: ToolArgumentsError | UnknownToolError,
    ) => T,
    definition: ToolDefinition,
    toolCall: ToolCallData,
    error: ToolArgumentsError | UnknownToolError,
  ): T {
    return new this(definition, toolCall, rawArgs(toolCall), error);
  }
}

function rawArgs(toolCall: ToolCallData): unknown {
  if (typeof toolCall.args !== "string") return toolCall.args;
  try {
    return JSON.parse(toolCall.args);
  } catch {
    return {};
  }
}
