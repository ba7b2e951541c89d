import { BaseTool } from "../../core/tools/base-tool.ts";
import type { ToolDefinition } from "../../core/tools/tool.ts";
import type { BedrockToolSpec } from "./api.ts";
import { convertTool } from "./convert-tools.ts";

/** A validated Bedrock tool call; `toolSchema` gives the Converse `toolSpec`. */
export class BedrockTool<Name extends string = string, Args = any, Output = unknown> extends BaseTool<Name, Args, Output> {
  /** The tool in the Converse format: `{ toolSpec: { name, description, inputSchema: { json } } }`. */
  static override toolSchema(definition: ToolDefinition): BedrockToolSpec {
    return convertTool(definition);
  }
}
