import { addBrand, hasBrand } from "./brand.ts";
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
}

/**
 * An MCP server answered with a JSON-RPC error or an HTTP error status, or broke the protocol. A tool
 * that ran and failed is not this: it is a result with `isError: true`.
 */
export class McpError extends PromptcallError {
  readonly method: string;
  readonly code: number | undefined;
  readonly data: unknown;
  readonly status: number | undefined;

  constructor(message: string, init: McpErrorInit) {
    super(message, init);
    this.name = "McpError";
    addBrand(this, "McpError");
    this.method = init.method;
    this.code = init.code;
    this.data = init.data;
    this.status = init.status;
  }

  /** True for an `McpError` from any copy of promptcall. */
  static override isInstance(error: unknown): error is McpError {
    return hasBrand(error, "McpError");
  }
}
