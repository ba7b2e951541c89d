import { defineTool } from "../core/tools/define-tool.ts";
import type { ToolDefinition } from "../core/tools/tool.ts";
import type { McpToolInfo } from "./mcp-client.ts";
import type { McpToolResult } from "./mcp-tool-result.ts";
import { errors } from "./streamable-http.ts";

/** Options of `mcp.tools()`. */
export interface McpToolsOptions {
  /** Prefixed to every tool's name (e.g. `"github_"`), to tell apart the tools of several servers. */
  prefix?: string;
  /** Aborts the listing and every call of the tools (e.g. the signal of the agent loop that runs them). */
  signal?: AbortSignal;
}

/**
 * The server's tools as `defineTool` tools. The parameters are the server's `inputSchema`, a plain
 * JSON Schema (the server validates the arguments and answers invalid ones with an `isError` result
 * the model can repair). Providers accept only `[a-zA-Z0-9_-]{1,64}` names, so other characters
 * (MCP allows `.`) become `_` and long names are cut; the server is always called by its own name.
 * A result with `isError: true` (the tool ran and failed) makes `call` throw an `McpError` whose
 * message is the server's text: `executeTools()` turns it into an error result the model reads
 * (MCP's tools spec: "Clients SHOULD provide tool execution errors to language models").
 */
export function mcpToolDefinitions(
  infos: readonly McpToolInfo[],
  call: (name: string, args: Record<string, unknown>) => Promise<McpToolResult>,
  options: McpToolsOptions = {},
): ToolDefinition<string, Record<string, unknown>, McpToolResult>[] {
  return infos.map(
    (info) =>
      defineTool({
        name: `${options.prefix ?? ""}${info.name}`.replace(/[^a-zA-Z0-9_-]/g, "_").slice(0, 64),
        description: info.description ?? info.title ?? info.name,
        parameters: info.inputSchema ?? { type: "object" },
        call: async (args) => {
          const result = await call(info.name, (args ?? {}) as Record<string, unknown>);
          if (result.isError) throw (await errors()).toolFailure(info.name, result);
          return result;
        },
      }) as ToolDefinition<string, Record<string, unknown>, McpToolResult>,
  );
}
