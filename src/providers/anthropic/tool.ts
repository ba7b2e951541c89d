import { BaseTool } from "../../core/base-tool";
import type { ToolDefinition } from "../../core/tool";
import type { AnthropicToolParam } from "./api";
import { convertTool } from "./convert-tools";

/** A validated Anthropic tool call; `toolSchema` gives the Messages API tool definition. */
export class AnthropicTool<Name extends string = string, Args = any, Output = unknown> extends BaseTool<Name, Args, Output> {
  /** The tool in the Messages API format (`name`, `description`, `input_schema`, `cache_control`). */
  static override toolSchema(definition: ToolDefinition): AnthropicToolParam {
    return convertTool(definition);
  }
}
