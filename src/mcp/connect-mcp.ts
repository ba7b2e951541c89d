import { McpClient, type ConnectMcpOptions } from "./mcp-client.ts";

/**
 * Connects to an MCP server over Streamable HTTP (with `fetch`, so in browsers, Workers, Deno and
 * Node): runs the initialize handshake and returns the client.
 * @example const mcp = await connectMcp("https://example.com/mcp", { headers: { authorization: `Bearer ${token}` } });
 */
export async function connectMcp(url: string | URL, options: ConnectMcpOptions = {}): Promise<McpClient> {
  const client = new McpClient(String(url), options);
  await client.initialize(options.signal);
  return client;
}
