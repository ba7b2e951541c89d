import type { BaseTool, ToolCallData, ToolDefinition } from "./tool.ts";

/** The static side of a provider tool class (`OpenAITool`, …). */
export interface ToolClass<T extends BaseTool = BaseTool> {
  toolSchema(definition: ToolDefinition): unknown;
  fromToolCall(definition: ToolDefinition, toolCall: ToolCallData): Promise<T>;
}
