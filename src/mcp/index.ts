// `promptcall/mcp`: the MCP client (Streamable HTTP on fetch). Re-exports only; `McpError` is exported
// by `promptcall` with the other errors (re-exported here it would load up front, see ARCHITECTURE.md).
export { connectMcp } from "./connect-mcp.ts";
export { McpClient, MCP_PROTOCOL_VERSIONS } from "./mcp-client.ts";
export type { ConnectMcpOptions, McpNotification, McpServerInfo, McpToolInfo } from "./mcp-client.ts";
export type { McpToolsOptions } from "./mcp-tools.ts";
export type { McpContent, McpOtherContent, McpToolResult, McpWireContent, McpWireToolResult } from "./mcp-tool-result.ts";
export type { StreamableHttpOptions } from "./streamable-http.ts";
