import type { ToolArgumentsError } from "../../errors/tool-arguments-error.ts";
import type { UnknownToolError } from "../../errors/unknown-tool-error.ts";
import type { BaseTool, ToolCallData, ToolDefinition } from "./tool.ts";

/** The static side of a provider tool class (`OpenAITool`, …). */
export interface ToolClass<T extends BaseTool = BaseTool> {
  toolSchema(definition: ToolDefinition): unknown;
  fromToolCall(definition: ToolDefinition, toolCall: ToolCallData): Promise<T>;
  /** A tool whose call failed (inherited from `BaseTool`; a class without it gets a plain `BaseTool`). */
  fromInvalidToolCall?(definition: ToolDefinition, toolCall: ToolCallData, error: ToolArgumentsError | UnknownToolError): T;
}
