// The MCP client's error messages, loaded when something fails (a healthy session never loads them).
import { McpError } from "../errors/index.ts";
import type { JsonRpcErrorObject } from "./json-rpc.ts";

// JSON-RPC 2.0's reserved codes (https://www.jsonrpc.org/specification#error_object).
const CODE_HINTS: Record<number, string> = {
  [-32700]: "the server could not parse the request",
  [-32600]: "the request was not a valid JSON-RPC request",
  [-32601]: "the server does not offer this method (check its capabilities)",
  [-32602]: "the parameters were invalid",
  [-32603]: "the server failed internally",
};

/** The `McpError` for a JSON-RPC error response. */
export function rpcError(method: string, error: JsonRpcErrorObject): McpError {
  const hint = CODE_HINTS[error.code];
  return new McpError(`The MCP server answered ${method} with error ${error.code}: ${error.message}${hint ? ` (${hint})` : ""}.`, {
    method,
    code: error.code,
    data: error.data,
  });
}

/** The `McpError` for a non-2xx HTTP status; the body's JSON-RPC error, when it has one, gives the code and message. */
export function httpError(method: string, status: number, body: string, hadSession: boolean): McpError {
  const rpc = parseRpcError(body);
  const detail = rpc ? `: ${rpc.message}` : body ? `: ${body.slice(0, 200)}` : "";
  const advice =
    status === 404 && hadSession
      ? "The session has ended on the server; connect again."
      : status === 401 || status === 403
        ? "Check the credentials passed in `headers`."
        : "Check the server's URL and that it speaks MCP over Streamable HTTP.";
  return new McpError(`The MCP server answered ${method} with HTTP ${status}${detail}. ${advice}`, {
    method,
    status,
    code: rpc?.code,
    data: rpc?.data,
  });
}

/** The `McpError` for a server that broke the protocol. */
export function protocolError(method: string, what: string, cause?: unknown): McpError {
  return new McpError(`The MCP server ${what} (method ${method}). Check that the URL is a Streamable HTTP MCP endpoint.`, {
    method,
    cause,
  });
}

function parseRpcError(body: string): JsonRpcErrorObject | undefined {
  try {
    const error = (JSON.parse(body) as { error?: JsonRpcErrorObject }).error;
    return typeof error?.code === "number" && typeof error.message === "string" ? error : undefined;
  } catch {
    return undefined;
  }
}

/** The `McpError` for a server that chose a protocol version this client does not speak. */
export function versionError(version: string, supported: readonly string[], result: unknown): McpError {
  return new McpError(
    `The MCP server chose protocol version ${version}, which this client does not speak (it speaks ${supported.join(", ")}). Update promptcall or use a server that supports one of these.`,
    { method: "initialize", data: result },
  );
}

/** The `McpError` a tool of `mcp.tools()` throws when it ran and failed: the server's text is the message. */
export function toolFailure(name: string, result: { text: string }): McpError {
  return new McpError(result.text || `The MCP tool ${name} reported an error without a message.`, { method: "tools/call", result });
}
