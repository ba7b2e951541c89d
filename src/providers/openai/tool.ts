import { restoreOptional, strictJsonSchemaProblems, toStrictJsonSchema } from "../../core/strict-json-schema";
import { BaseTool, parseToolArgs, type ToolCallData, type ToolDefinition } from "../../core/tool";
import type { ChatCompletionTool } from "./api";

/**
 * A validated OpenAI tool call. A tool defined with `providerOptions: { strict: true }` is sent with
 * OpenAI's strict mode (its schema rewritten to the strict subset; optional fields arrive as `null`
 * and are removed again before validation).
 */
export class OpenAITool<Name extends string = string, Args = any, Output = unknown> extends BaseTool<Name, Args, Output> {
  /** The tool as a Chat Completions function tool. */
  static override toolSchema(definition: ToolDefinition): ChatCompletionTool {
    const strict = isStrictTool(definition);
    const fn: ChatCompletionTool["function"] = {
      name: definition.name,
      parameters: strict ? toStrictJsonSchema(definition.jsonSchema) : definition.jsonSchema,
    };
    if (definition.description) fn.description = definition.description;
    if (strict) fn.strict = true;
    return { type: "function", function: fn };
  }

  /** Parses and validates a tool call (mapping strict mode's `null`s back to absent fields). */
  static override async fromToolCall<T extends BaseTool>(
    this: new (definition: ToolDefinition, toolCall: ToolCallData, args: any) => T,
    definition: ToolDefinition,
    toolCall: ToolCallData,
  ): Promise<T> {
    const call = isStrictTool(definition) ? restoreStrictArgs(definition, toolCall) : toolCall;
    // The tool keeps the call data exactly as the provider sent it.
    return new this(definition, toolCall, await parseToolArgs(definition, call));
  }
}

/** Whether a tool asks for strict mode and its schema can express it. */
export function isStrictTool(definition: ToolDefinition): boolean {
  return definition.providerOptions?.strict === true && strictJsonSchemaProblems(definition.jsonSchema).length === 0;
}

function restoreStrictArgs(definition: ToolDefinition, toolCall: ToolCallData): ToolCallData {
  if (typeof toolCall.args !== "string") return { ...toolCall, args: restoreOptional(toolCall.args, definition.jsonSchema) as Record<string, unknown> };
  try {
    const parsed: unknown = JSON.parse(toolCall.args);
    return { ...toolCall, args: restoreOptional(parsed, definition.jsonSchema) as Record<string, unknown> };
  } catch {
    return toolCall; // Invalid JSON: the base class reports it with the raw text.
  }
}
