import type { ToolDefinition } from "../../core/tools/tool.ts";
import type { BedrockToolSpec } from "./api.ts";

/** A tool definition as a Converse `toolSpec` (name, description, `inputSchema.json`). */
export function convertTool(definition: ToolDefinition): BedrockToolSpec {
  return { toolSpec: { name: definition.name, description: definition.description, inputSchema: { json: definition.jsonSchema } } };
}
