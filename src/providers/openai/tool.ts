import { BaseTool } from "../../core/tools/base-tool.ts";
import type { ToolCallData, ToolDefinition } from "../../core/tools/tool.ts";
import type { ChatCompletionTool } from "./api.ts";
import { requestExtras } from "./seams.ts";
import { prepareStrictTools, strictSchemaOf, wantsStrict } from "./strict-tools.ts";

/**
 * A validated OpenAI tool call. A tool defined with `providerOptions: { strict: true }` is sent with
 * OpenAI's strict mode (its schema rewritten to the strict subset; optional fields arrive as `null`
 * and are removed again before validation). The strict-mode code (`request-extras`) loads only for such tools.
 */
export class OpenAITool<Name extends string = string, Args = any, Output = unknown> extends BaseTool<Name, Args, Output> {
  /** Makes the strict schemas of tools that ask for strict mode (calls do this before `toolSchema`). */
  static prepare(definitions: readonly ToolDefinition[]): Promise<void> {
    return prepareStrictTools(definitions);
  }

  /** The tool as a Chat Completions function tool (a strict tool needs `await OpenAITool.prepare` first). */
  static override toolSchema(definition: ToolDefinition): ChatCompletionTool {
    const strict = strictSchemaOf(definition);
    const fn: ChatCompletionTool["function"] = { name: definition.name, parameters: strict ?? definition.jsonSchema };
    if (definition.description) fn.description = definition.description;
    if (strict) fn.strict = true;
    return { type: "function", function: fn };
  }

  /** Parses and validates a tool call (mapping strict mode's `null`s back to absent fields). */
  static override async fromToolCall<T extends BaseTool>(
    this: new (
      definition: ToolDefinition,
      toolCall: ToolCallData,
      args: any,
    ) => T,
    definition: ToolDefinition,
    toolCall: ToolCallData,
  ): Promise<T> {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass the tool is built as
    if (!wantsStrict(definition)) return BaseTool.fromToolCall.call(this, definition, toolCall) as Promise<T>;
    await prepareStrictTools([definition]);
    const extras = await requestExtras();
    const call = strictSchemaOf(definition) ? restoreStrictArgs(extras.restoreOptional, definition, toolCall) : toolCall;
    // The tool keeps the call data exactly as the provider sent it.
    return new this(definition, toolCall, await extras.parseToolArgs(definition, call));
  }
}

/** A strict tool call's arguments with strict mode's `null`s removed again (`restoreOptional`). */
function restoreStrictArgs(
  restoreOptional: (value: unknown, schema: ToolDefinition["jsonSchema"]) => unknown,
  definition: ToolDefinition,
  toolCall: ToolCallData,
): ToolCallData {
  const restore = (args: unknown) => restoreOptional(args, definition.jsonSchema) as Record<string, unknown>;
  if (typeof toolCall.args !== "string") return { ...toolCall, args: restore(toolCall.args) };
  try {
    return { ...toolCall, args: restore(JSON.parse(toolCall.args)) };
  } catch {
    return toolCall; // Invalid JSON: the base class reports it with the raw text.
  }
}
