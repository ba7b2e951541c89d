// vitest globalSetup shared by the node, browser and worker projects: starts the local test
// server and hands its URL to the tests as `inject("serverUrl")`; the MCP test server as `inject("mcpUrl")`.
import type { TestProject } from "vitest/node";
import { startMcpServer } from "./mcp-server.mjs";
import { startTestServer } from "./test-server.mjs";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestServer();
  project.provide("serverUrl", server.url);
  const mcp = await startMcpServer();
  project.provide("mcpUrl", mcp.url);
  return async () => {
    await mcp.close();
    await server.close();
  };
}
