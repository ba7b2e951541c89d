import type { ToolArgumentsError } from "../../errors/tool-arguments-error.ts";
import { BaseTool } from "./base-tool.ts";
import type { ToolCallData, ToolDefinition } from "./tool.ts";
import type { ToolClass } from "./tool-class.ts";

/**
 * The tool instance for a provider's tool call, or undefined when the call names no tool of the call.
 * Invalid arguments never throw here: the tool comes back with `error` set, so the turn is not lost
 * and `executeTools()` sends the error to the model as the tool's result.
 */
export async function resolveTool<T extends BaseTool>(
  toolClass: ToolClass<T>,
  definitions: readonly ToolDefinition[],
  call: ToolCallData,
): Promise<T | undefined> {
  const definition = definitions.find((d) => d.name === call.name);
  if (!definition) return undefined;
  try {
    return await toolClass.fromToolCall(definition, call);
  } catch (error) {
    // By name: neither the error class nor the brand code loads in programs that never see a bad call.
    if ((error as Error | null)?.name !== "ToolArgumentsError") throw error;
    if (toolClass.fromInvalidToolCall) return toolClass.fromInvalidToolCall(definition, call, error as ToolArgumentsError);
    return BaseTool.fromInvalidToolCall(definition, call, error as ToolArgumentsError) as T;
  }
}
