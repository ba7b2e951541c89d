// A `tools/call` result (https://modelcontextprotocol.io/specification/2025-11-25/server/tools#tool-result):
// `content` items of type text, image and audio (base64 `data` + `mimeType`), resource_link and
// resource; optional `structuredContent`; `isError: true` when the tool ran and failed.
import type { AudioPart, ImagePart, TextPart } from "../core/message-param.ts";

/** A content item as the server sent it. */
export interface McpWireContent {
  type: string;
  [key: string]: unknown;
}

/** A `tools/call` result as the server sent it. */
export interface McpWireToolResult {
  content?: McpWireContent[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
  [key: string]: unknown;
}

/** A content item that is not text, image or audio (`resource_link`, `resource`, …), as the server sent it. */
export interface McpOtherContent {
  type: string;
  [key: string]: unknown;
}

/** A content item of a tool result: text, image and audio as promptcall's parts (bytes decoded), others as sent. */
export type McpContent =
  | TextPart
  | (ImagePart & { data: Uint8Array; mediaType: string })
  | (AudioPart & { data: Uint8Array })
  | McpOtherContent;

/** What an MCP tool returned. Serialised for the model (`JSON.stringify`), it is the result as the server sent it. */
export interface McpToolResult {
  /** The content items; images and audio carry their bytes in `data`. */
  readonly content: readonly McpContent[];
  /** The structured result, when the tool has one. */
  readonly structuredContent: Record<string, unknown> | undefined;
  /** True when the tool ran and failed: the content says why, for the model to repair its call. */
  readonly isError: boolean;
  /** The text items joined with newlines. */
  readonly text: string;
  /** The result as the server sent it (base64 data), which is what a model is shown. */
  toJSON(): McpWireToolResult;
}

/** Builds an {@link McpToolResult} from a `tools/call` result. */
export function toMcpToolResult(wire: McpWireToolResult): McpToolResult {
  const content = (Array.isArray(wire.content) ? wire.content : []).map(toContent);
  return Object.freeze({
    content,
    structuredContent: wire.structuredContent,
    isError: wire.isError === true,
    text: content
      .filter((part): part is TextPart => part.type === "text")
      .map((part) => part.text)
      .join("\n"),
    toJSON: () => wire,
  });
}

function toContent(item: McpWireContent): McpContent {
  if (item.type === "text" && typeof item.text === "string") return { type: "text", text: item.text };
  if ((item.type === "image" || item.type === "audio") && typeof item.data === "string") {
    return { type: item.type, mediaType: String(item.mimeType ?? ""), data: base64ToBytes(item.data) };
  }
  return item;
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
