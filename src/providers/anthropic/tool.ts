import { BaseTool } from "../../core/tools/base-tool.ts";
import type { ToolDefinition } from "../../core/tools/tool.ts";
import type { AnthropicToolParam } from "./api.ts";
import { convertTool } from "./convert-tools.ts";

/** A validated Anthropic tool call; `toolSchema` gives the Messages API tool definition. */
export class AnthropicTool<Name extends string = string, Args = any, Output = unknown> extends BaseTool<Name, Args, Output> {
  /** The tool in the Messages API format (`name`, `description`, `input_schema`, `cache_control`). */
  static override toolSchema(definition: ToolDefinition): AnthropicToolParam {
    return convertTool(definition);
  }
}
