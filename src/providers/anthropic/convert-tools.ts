import type { CacheControl } from "../../core/message-param.ts";
import type { ToolDefinition } from "../../core/tools/tool.ts";
import type { AnthropicToolParam } from "./api.ts";
import { withCache } from "./with-cache.ts";

/**
 * A tool definition as an Anthropic tool: name, description and `input_schema`, plus
 * `cache_control` when `providerOptions.cacheControl` is set (caches every tool up to this one).
 */
export function convertTool(definition: ToolDefinition): AnthropicToolParam {
  const param: AnthropicToolParam = {
    name: definition.name,
    description: definition.description,
    input_schema: definition.jsonSchema,
  };
  return withCache(param, definition.providerOptions?.cacheControl as CacheControl | undefined);
}
