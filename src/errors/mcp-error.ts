import { addBrand, hasBrand } from "./brand.ts";
import { scrubError } from "./scrub-error.ts";
import { PromptcallError, type PromptcallErrorOptions } from "./promptcall-error.ts";

/** What an `McpError` records. */
export interface McpErrorInit extends PromptcallErrorOptions {
  /** The JSON-RPC method that failed (e.g. `tools/call`). */
  method: string;
  /** The JSON-RPC error code (e.g. -32601 "Method not found"), when the server sent a JSON-RPC error. */
  code?: number;
  /** The JSON-RPC error's `data`, when sent. */
  data?: unknown;
  /** The HTTP status, when the server answered with a non-2xx status. */
  status?: number;
  /** The `tools/call` result of a tool that ran and failed (`isError: true`), as `mcp.callTool` returns it. */
  result?: unknown;
}

/**
 * An MCP server answered with a JSON-RPC error or an HTTP error status, or broke the protocol; or a
 * tool of `mcp.tools()` ran and failed (`isError: true`, the result on `result`): `executeTools()`
 * then sends the server's text back to the model as an error result, for it to repair its call.
 */
export class McpError extends PromptcallError {
  readonly method: string;
  readonly code: number | undefined;
  readonly data: unknown;
  readonly status: number | undefined;
  readonly result: unknown;

  constructor(message: string, init: McpErrorInit) {
    super(message, init);
    this.name = "McpError";
    addBrand(this, "McpError");
    this.method = init.method;
    this.code = init.code;
    this.data = init.data;
    this.status = init.status;
    this.result = init.result;
    // The fields above are set after the base constructor redacted the error: redact them too.
    scrubError(this);
  }

  /** True for an `McpError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is McpError {
    return hasBrand(error, "McpError");
  }
}
