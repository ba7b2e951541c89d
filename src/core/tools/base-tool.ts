import type { ToolCallData, ToolDefinition } from "./tool.ts";

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
    this: new (
      definition: ToolDefinition,
      toolCall: ToolCallData,
      args: any,
    ) => T,
    definition: ToolDefinition,
    toolCall: ToolCallData,
  ): Promise<T> {
    // Parsing and validation load with the first tool call.
    const args = await (await import("./parse-tool-args.ts")).parseToolArgs(definition, toolCall);
    return new this(definition, toolCall, args);
  }
}
