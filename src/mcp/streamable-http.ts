// The client side of MCP's Streamable HTTP transport, on `fetch` and the SSE decoder. Follows
// https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http:
// - every message is its own POST with `Accept: application/json, text/event-stream`;
// - a request is answered with `application/json` (one message) or `text/event-stream`, where the
//   server MAY send requests and notifications before the response with the request's id;
// - a notification or response is answered with 202 Accepted and no body;
// - the `MCP-Session-Id` from the initialize response goes back on every later request, with the
//   negotiated `MCP-Protocol-Version`; DELETE with the session id ends the session.
import { sendRequest } from "../http/send-request.ts";
import type { TimeoutOption } from "../http/timeouts.ts";
import { sseEvents } from "../web-streams/sse-events.ts";
import type * as McpErrors from "./mcp-errors.ts";
import { isResponseTo, isServerRequest, type JsonRpcId, type JsonRpcMessage } from "./json-rpc.ts";

/** How the transport reaches the server. */
export interface StreamableHttpOptions {
  /** Extra headers on every request (e.g. `Authorization`); their values are kept out of error messages. */
  headers?: Record<string, string>;
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof globalThis.fetch;
  /** Called with each notification the server sends (e.g. `notifications/message` logs, progress). */
  onNotification?: (message: JsonRpcMessage) => void;
  /**
   * Limits for each request, as for a call: ms until the response's headers, or `{ attemptMs, idleMs,
   * totalMs }` (defaults 10 min / 5 min between body reads / none). A request over them throws a
   * `TimeoutError` (MCP's lifecycle spec: implementations SHOULD set timeouts on sent requests).
   */
  timeout?: TimeoutOption;
}

type Errors = typeof McpErrors;
/** The MCP client's errors and their messages, loaded when something fails. */
export const errors = (): Promise<Errors> => import("./mcp-errors.ts");

/** One MCP endpoint over Streamable HTTP: JSON-RPC requests and notifications as POSTs. */
export class StreamableHttpTransport {
  /** The session id the server assigned at initialization, if any. */
  sessionId: string | undefined;
  /** The protocol version negotiated at initialization, sent as `MCP-Protocol-Version` afterwards. */
  protocolVersion: string | undefined;
  readonly url: string;
  private readonly options: StreamableHttpOptions;
  private nextId = 1;

  constructor(url: string, options: StreamableHttpOptions = {}) {
    this.url = url;
    this.options = options;
  }

  /** Sends a request and returns its `result`; a JSON-RPC error throws an `McpError`. */
  async request(method: string, params?: Record<string, unknown>, signal?: AbortSignal): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const response = await this.post({ jsonrpc: "2.0", id, method, ...(params && { params }) }, method, signal);
    if (method === "initialize") this.sessionId = response.headers.get("mcp-session-id") ?? undefined;
    const message = await this.readResponse(response, id, method, signal);
    if (message.error) throw (await errors()).rpcError(method, message.error);
    return message.result ?? {};
  }

  /** Sends a notification (the server answers 202 Accepted). */
  async notify(method: string, params?: Record<string, unknown>): Promise<void> {
    const response = await this.post({ jsonrpc: "2.0", method, ...(params && { params }) }, method);
    await response.body?.cancel();
  }

  /**
   * Ends the session with DELETE (best effort: a server may answer 405 when it does not allow it).
   * Never throws; a server that does not answer is given up on at the `timeout` limits or when `signal` aborts.
   */
  async terminate(signal?: AbortSignal): Promise<void> {
    if (this.sessionId === undefined) return;
    try {
      const response = await this.post(undefined, "DELETE", signal, "DELETE");
      await response.body?.cancel();
    } catch {
      // The session ends on the server's side either way (it may expire it); nothing to do here.
    }
    this.sessionId = undefined;
  }

  private headers(): Record<string, string> {
    const headers: Record<string, string> = {
      ...this.options.headers,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
    };
    if (this.sessionId !== undefined) headers["mcp-session-id"] = this.sessionId;
    if (this.protocolVersion !== undefined) headers["mcp-protocol-version"] = this.protocolVersion;
    return headers;
  }

  /** Sends `message` (none for the DELETE that ends the session) within the `timeout` limits. */
  private post(message: JsonRpcMessage | undefined, method: string, signal?: AbortSignal, httpMethod = "POST"): Promise<Response> {
    const secrets = Object.values(this.options.headers ?? {}).filter((value) => value.length >= 8);
    return sendRequest({
      request: { url: this.url, method: httpMethod, headers: this.headers(), body: message, secrets },
      // Called as a plain function: a browser's fetch throws "Illegal invocation" when called as a method of another object.
      fetch: (input, init) => (this.options.fetch ?? globalThis.fetch)(input, init),
      signal: signal ?? new AbortController().signal,
      // A tools/call may have effects: never sent twice.
      retry: false,
      toError: async (response, text) => (await errors()).httpError(method, response.status, text, this.sessionId !== undefined),
      provider: "the MCP server",
      timeout: this.options.timeout,
    });
  }

  /** The response to request `id`: the JSON body, or the matching message of the event stream. */
  private async readResponse(response: Response, id: JsonRpcId, method: string, signal?: AbortSignal): Promise<JsonRpcMessage> {
    const type = response.headers.get("content-type") ?? "";
    if (response.body && type.includes("text/event-stream")) {
      for await (const event of sseEvents(response.body, { signal })) {
        // Events with an empty `data` prime the client for a reconnection (they carry only an id).
        if (!event.data) continue;
        const message = await parseMessage(event.data, method);
        if (isResponseTo(message, id)) return message; // leaving the loop cancels the rest of the stream
        this.onServerMessage(message);
      }
      throw (await errors()).protocolError(method, "ended its event stream without answering the request");
    }
    const text = await response.text();
    const message = await parseMessage(text, method);
    if (!isResponseTo(message, id)) throw (await errors()).protocolError(method, `answered with ${describe(text)} instead of the response`);
    return message;
  }

  /** A notification goes to `onNotification`; a request is answered (ping with `{}`, others "Method not found"). */
  private onServerMessage(message: JsonRpcMessage): void {
    if (!isServerRequest(message)) {
      if (message.method) this.options.onNotification?.(message);
      return;
    }
    // https://modelcontextprotocol.io/specification/2025-11-25/basic/utilities/ping: answer promptly with
    // an empty result. This client declares no capabilities, so other requests get JSON-RPC's -32601.
    const answer: JsonRpcMessage =
      message.method === "ping"
        ? { jsonrpc: "2.0", id: message.id, result: {} }
        : { jsonrpc: "2.0", id: message.id, error: { code: -32601, message: `Method not found: ${message.method}` } };
    void this.post(answer, "response")
      .then((response) => response.body?.cancel())
      .catch(() => undefined);
  }
}

async function parseMessage(text: string, method: string): Promise<JsonRpcMessage> {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch (cause) {
    throw (await errors()).protocolError(method, `sent a message that is not JSON: ${describe(text)}`, cause);
  }
  if (typeof message !== "object" || message === null || Array.isArray(message)) {
    throw (await errors()).protocolError(method, `sent ${describe(text)}, not a JSON-RPC message`);
  }
  return message as JsonRpcMessage;
}

function describe(text: string): string {
  return text.length > 200 ? `${JSON.stringify(text.slice(0, 200))}…` : JSON.stringify(text);
}
