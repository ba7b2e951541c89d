/** A running MCP test server. */
export interface McpTestServer {
  url: string;
  close(): Promise<void>;
}
/** The 1×1 PNG the render_chart tool returns, as base64. */
export const PNG_BASE64: string;
export function startMcpServer(options?: { port?: number }): Promise<McpTestServer>;
