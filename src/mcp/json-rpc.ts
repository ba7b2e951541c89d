// JSON-RPC 2.0 messages as MCP uses them (https://modelcontextprotocol.io/specification/2025-11-25/basic:
// requests carry a string or number `id`, notifications none, responses `result` or `error`).

/** A JSON-RPC id. */
export type JsonRpcId = string | number;

/** A JSON-RPC error object. */
export interface JsonRpcErrorObject {
  code: number;
  message: string;
  data?: unknown;
}

/** Any JSON-RPC message an MCP server may send: a response, a request or a notification. */
export interface JsonRpcMessage {
  jsonrpc: "2.0";
  id?: JsonRpcId | null;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: JsonRpcErrorObject;
}

/** True for the response (result or error) to the request with `id`. */
export function isResponseTo(message: JsonRpcMessage, id: JsonRpcId): boolean {
  return message.id === id && message.method === undefined && ("result" in message || "error" in message);
}

/** True for a server-to-client request (it has an id and a method and expects an answer). */
export function isServerRequest(message: JsonRpcMessage): boolean {
  return typeof message.method === "string" && message.id !== undefined && message.id !== null;
}
