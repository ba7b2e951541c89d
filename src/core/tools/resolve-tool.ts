import type { ToolArgumentsError } from "../../errors/tool-arguments-error.ts";
import { UnknownToolError } from "../../errors/unknown-tool-error.ts";
import type { BaseTool } from "./base-tool.ts";
import type { ToolCallData, ToolDefinition } from "./tool.ts";
import type { ToolClass } from "./tool-class.ts";

type Invalid<T> = (definition: ToolDefinition, call: ToolCallData, error: ToolArgumentsError | UnknownToolError) => T;

/**
 * The tool instance for a provider's tool call. Invalid arguments never throw here: the tool comes
 * back with `error` set, so the turn is not lost and `executeTools()` sends the error to the model as
 * the tool's result. A call that names no tool of the call gives a tool whose `error` is an
 * `UnknownToolError`, except the structured-output tool (`structuredTool`): that one gives undefined,
 * it is read by the `responseModel` machinery. Loaded with the tools seam (core/seams.ts); the caller
 * passes `BaseTool` (for a tool class without `fromInvalidToolCall`), which every provider loads anyway.
 */
export async function resolveTool<T extends BaseTool>(
  toolClass: ToolClass<T>,
  definitions: readonly ToolDefinition[],
  call: ToolCallData,
  structuredTool: string | undefined,
  baseTool: typeof BaseTool,
): Promise<T | undefined> {
  const invalid: Invalid<T> = (d, c, e) =>
    toolClass.fromInvalidToolCall ? toolClass.fromInvalidToolCall(d, c, e) : (baseTool.fromInvalidToolCall(d, c, e) as T);
  const definition = definitions.find((d) => d.name === call.name);
  if (!definition) return call.name === structuredTool ? undefined : unknownTool(invalid, definitions, call);
  try {
    return await toolClass.fromToolCall(definition, call);
  } catch (error) {
    // By name: the error class is in the failures chunk, loaded only by a bad call.
    if ((error as Error | null)?.name !== "ToolArgumentsError") throw error;
    return invalid(definition, call, error as ToolArgumentsError);
  }
}

/** A tool for a name the call does not define: it only reports an `UnknownToolError`. */
function unknownTool<T>(invalid: Invalid<T>, definitions: readonly ToolDefinition[], call: ToolCallData): T {
  const error = new UnknownToolError({
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
  return invalid(definition, call, error);
}
