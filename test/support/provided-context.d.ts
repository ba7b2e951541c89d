// Values handed from globalSetup (or the Deno runner) to tests through `inject(...)`.
declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of test/support/test-server.mjs, e.g. "http://127.0.0.1:41234". */
    serverUrl: string;
    /** Origin of test/support/mcp-server.mjs (the official MCP SDK's server), e.g. "http://127.0.0.1:41235". */
    mcpUrl: string;
  }
}
export {};
