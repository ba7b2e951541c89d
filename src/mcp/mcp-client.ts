import { hasBrand } from "../errors/brand.ts";
import type { McpError } from "../errors/mcp-error.ts";
import type { ToolDefinition } from "../core/tools/tool.ts";
import type { JsonRpcMessage } from "./json-rpc.ts";
import { mcpToolDefinitions, type McpToolsOptions } from "./mcp-tools.ts";
import { toMcpToolResult, type McpToolResult, type McpWireToolResult } from "./mcp-tool-result.ts";
import { errors, StreamableHttpTransport, type StreamableHttpOptions } from "./streamable-http.ts";

/** The protocol versions this client speaks, newest first (the first is the one it asks for). */
export const MCP_PROTOCOL_VERSIONS = ["2025-11-25", "2025-06-18", "2025-03-26"] as const;

/** Options of `connectMcp`. */
export interface ConnectMcpOptions extends StreamableHttpOptions {
  /** How the client introduces itself in `initialize` (default `{ name: "promptcall", version: "0.1.0" }`). */
  clientInfo?: { name: string; version: string };
  /** Aborts the connection handshake. */
  signal?: AbortSignal;
}

/** A tool as `tools/list` describes it. */
export interface McpToolInfo {
  name: string;
  title?: string;
  description?: string;
  inputSchema: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
  [key: string]: unknown;
}

/** What the server said about itself in its `initialize` result. */
export interface McpServerInfo {
  name: string;
  version: string;
  [key: string]: unknown;
}

/** A connected MCP server (see `connectMcp`). */
export class McpClient {
  /** The server's name and version. */
  serverInfo: McpServerInfo = { name: "", version: "" };
  /** The server's capabilities (e.g. `{ tools: { listChanged: true } }`). */
  capabilities: Record<string, unknown> = {};
  /** The server's instructions for the model, if it sent some. */
  instructions: string | undefined;
  private readonly transport: StreamableHttpTransport;
  private readonly clientInfo: { name: string; version: string };

  constructor(url: string, options: ConnectMcpOptions = {}) {
    this.transport = new StreamableHttpTransport(url, options);
    this.clientInfo = options.clientInfo ?? { name: "promptcall", version: "0.1.0" };
  }

  /** The session id the server assigned (undefined for a stateless server). */
  get sessionId(): string | undefined {
    return this.transport.sessionId;
  }

  /** The negotiated protocol version. */
  get protocolVersion(): string | undefined {
    return this.transport.protocolVersion;
  }

  /**
   * The initialize handshake (https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle):
   * `initialize` with the newest version this client speaks, a check of the version the server
   * chose, then `notifications/initialized`.
   */
  async initialize(signal?: AbortSignal): Promise<void> {
    this.transport.sessionId = undefined;
    this.transport.protocolVersion = undefined;
    const result = await this.transport.request(
      "initialize",
      { protocolVersion: MCP_PROTOCOL_VERSIONS[0], capabilities: {}, clientInfo: this.clientInfo },
      signal,
    );
    const version = String(result.protocolVersion);
    if (!(MCP_PROTOCOL_VERSIONS as readonly string[]).includes(version)) {
      // "If the client does not support the version in the server's response, it SHOULD disconnect."
      await this.transport.terminate(signal);
      throw (await errors()).versionError(version, MCP_PROTOCOL_VERSIONS, result);
    }
    this.transport.protocolVersion = version;
    this.serverInfo = (result.serverInfo as McpServerInfo) ?? this.serverInfo;
    this.capabilities = (result.capabilities as Record<string, unknown>) ?? {};
    this.instructions = typeof result.instructions === "string" ? result.instructions : undefined;
    await this.transport.notify("notifications/initialized");
  }

  /**
   * Sends a JSON-RPC request and returns its result. When a session has ended on the server (HTTP
   * 404 for a request with a session id), starts a new one and sends the request again, as the
   * transport spec says a client must.
   */
  async request(method: string, params?: Record<string, unknown>, signal?: AbortSignal): Promise<Record<string, unknown>> {
    try {
      return await this.transport.request(method, params, signal);
    } catch (error) {
      if (!(hasBrand(error, "McpError") && (error as McpError).status === 404 && this.transport.sessionId !== undefined)) throw error;
      await this.initialize(signal);
      return await this.transport.request(method, params, signal);
    }
  }

  /** Every tool of the server, following `nextCursor` through the pages of `tools/list`. */
  async listTools(signal?: AbortSignal): Promise<McpToolInfo[]> {
    const tools: McpToolInfo[] = [];
    let cursor: string | undefined;
    do {
      // https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/pagination
      const page = await this.request("tools/list", cursor === undefined ? {} : { cursor }, signal);
      tools.push(...((page.tools as McpToolInfo[] | undefined) ?? []));
      cursor = typeof page.nextCursor === "string" ? page.nextCursor : undefined;
    } while (cursor !== undefined);
    return tools;
  }

  /** Calls a tool. A tool that ran and failed is a result with `isError: true`, not an exception. */
  async callTool(name: string, args: Record<string, unknown> = {}, signal?: AbortSignal): Promise<McpToolResult> {
    const result = await this.request("tools/call", { name, arguments: args }, signal);
    return toMcpToolResult(result as McpWireToolResult);
  }

  /** The server's tools as `defineTool` tools whose `call` calls the server (`signal` aborts the listing and the calls). */
  async tools(options?: McpToolsOptions): Promise<ToolDefinition<string, Record<string, unknown>, McpToolResult>[]> {
    const signal = options?.signal;
    return mcpToolDefinitions(await this.listTools(signal), (name, args) => this.callTool(name, args, signal), options);
  }

  /**
   * Ends the session (HTTP DELETE with the session id; nothing to do for a stateless server). Never
   * throws: a server that does not answer is given up on at the `timeout` limits, or when `signal` aborts.
   */
  close(signal?: AbortSignal): Promise<void> {
    return this.transport.terminate(signal);
  }
}

/** A server notification, as `onNotification` receives it. */
export type McpNotification = JsonRpcMessage;
