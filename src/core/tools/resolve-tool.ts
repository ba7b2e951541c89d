import type { ToolArgumentsError } from "../../errors/tool-arguments-error.ts";
import { tools } from "../seams.ts";
import { BaseTool } from "./base-tool.ts";
import type { ToolCallData, ToolDefinition } from "./tool.ts";
import type { ToolClass } from "./tool-class.ts";

/**
 * The tool instance for a provider's tool call. Invalid arguments never throw here: the tool comes
 * back with `error` set, so the turn is not lost and `executeTools()` sends the error to the model as
 * the tool's result. A call that names no tool of the call gives a tool whose `error` is an
 * `UnknownToolError`, except the structured-output tool (`structuredTool`): that one gives undefined,
 * it is read by the `responseModel` machinery.
 */
export async function resolveTool<T extends BaseTool>(
  toolClass: ToolClass<T>,
  definitions: readonly ToolDefinition[],
  call: ToolCallData,
  structuredTool?: string,
): Promise<T | undefined> {
  const definition = definitions.find((d) => d.name === call.name);
  if (!definition) return call.name === structuredTool ? undefined : unknownTool(toolClass, definitions, call);
  try {
    return await toolClass.fromToolCall(definition, call);
  } catch (error) {
    // By name: neither the error class nor the brand code loads in programs that never see a bad call.
    if ((error as Error | null)?.name !== "ToolArgumentsError") throw error;
    return invalidTool(toolClass, definition, call, error as ToolArgumentsError);
  }
}

/** A tool for a name the call does not define: it only reports an `UnknownToolError` (loaded with the tools seam). */
async function unknownTool<T extends BaseTool>(
  toolClass: ToolClass<T>,
  definitions: readonly ToolDefinition[],
  call: ToolCallData,
): Promise<T> {
  const error = new (await tools()).UnknownToolError({
    toolName: call.name,
    definedTools: definitions.map((d) => d.name),
    raw: typeof call.args === "string" ? call.args : JSON.stringify(call.args),
  });
  const definition: ToolDefinition = {
    name: call.name,
    description: "",
    parameters: {},
    jsonSchema: {},
    call: () => {
      throw error;
    },
  };
  return invalidTool(toolClass, definition, call, error);
}

function invalidTool<T extends BaseTool>(
  toolClass: ToolClass<T>,
  definition: ToolDefinition,
  call: ToolCallData,
  error: BaseTool["error"] & object,
): T {
  if (toolClass.fromInvalidToolCall) return toolClass.fromInvalidToolCall(definition, call, error);
  return BaseTool.fromInvalidToolCall(definition, call, error) as T;
}
