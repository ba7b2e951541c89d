/**
 * The provider-neutral message format. Prompts and templates produce these; every provider
 * converts them to its own wire format, and accepts its own native messages unchanged beside them.
 */

/** Who a message comes from. */
export type Role = "system" | "user" | "assistant" | "tool";

/** Marks a prefix of the prompt as cacheable (Anthropic prompt caching; ignored elsewhere). */
export interface CacheControl {
  type: "ephemeral";
  ttl?: "5m" | "1h";
}

/** Binary data: raw bytes, or a base64 string (no `data:` prefix). */
export type BinaryData = Uint8Array | string;

/** A piece of text. */
export interface TextPart {
  type: "text";
  text: string;
  cacheControl?: CacheControl;
}

/** An image given as bytes (with its media type) or as a URL. */
export interface ImagePart {
  type: "image";
  mediaType?: string;
  data?: BinaryData;
  url?: string;
  detail?: "auto" | "low" | "high";
}

/** An audio clip given as bytes with its media type (e.g. `audio/wav`). */
export interface AudioPart {
  type: "audio";
  mediaType: string;
  data?: BinaryData;
  url?: string;
}

/** A document (e.g. PDF) given as bytes with its media type, or as a URL. */
export interface DocumentPart {
  type: "document";
  mediaType: string;
  data?: BinaryData;
  url?: string;
  name?: string;
}

/** A tool call made by the assistant. */
export interface ToolCallPart {
  type: "tool_call";
  id: string;
  name: string;
  args: Record<string, unknown>;
  /** Provider data that must travel back with the call (e.g. Gemini's `thoughtSignature`). */
  providerData?: Record<string, unknown>;
}

/** The result of running a tool, sent back to the model. */
export interface ToolResultPart {
  type: "tool_result";
  toolCallId: string;
  name: string;
  content: string;
  isError?: boolean;
}

/** Model reasoning kept so a multi-turn tool loop can continue (Anthropic thinking, Gemini thoughts). */
export interface ThinkingPart {
  type: "thinking";
  thinking: string;
  signature?: string;
  /** Provider-specific payload (e.g. Anthropic `redacted_thinking` data). */
  providerData?: Record<string, unknown>;
}

/** Any content part of a {@link BaseMessageParam}. */
export type ContentPart = TextPart | ImagePart | AudioPart | DocumentPart | ToolCallPart | ToolResultPart | ThinkingPart;

/** A provider-neutral message. */
export interface BaseMessageParam {
  role: Role;
  content: string | ContentPart[];
}

const BASE_PART_TYPES = new Set(["text", "image", "audio", "document", "tool_call", "tool_result", "thinking"]);

/** True when `value` is a provider-neutral message (not a provider's native one). */
export function isBaseMessageParam(value: unknown): value is BaseMessageParam {
  if (typeof value !== "object" || value === null) return false;
  const m = value as Record<string, unknown>;
  if (typeof m.role !== "string" || !["system", "user", "assistant", "tool"].includes(m.role)) {
    return false;
  }
  const keys = Object.keys(m);
  if (keys.some((k) => k !== "role" && k !== "content")) return false;
  if (typeof m.content === "string") return true;
  if (!Array.isArray(m.content)) return false;
  return m.content.every((p) => isBasePart(p));
}

function isBasePart(p: unknown): boolean {
  if (typeof p !== "object" || p === null) return false;
  const part = p as Record<string, unknown>;
  if (typeof part.type !== "string" || !BASE_PART_TYPES.has(part.type)) return false;
  if ("cache_control" in part) return false;
  switch (part.type) {
    case "image":
      return !("source" in part);
    case "document":
      return typeof part.mediaType === "string";
    case "tool_result":
      return typeof part.toolCallId === "string";
    case "tool_call":
      return typeof part.id === "string" && typeof part.name === "string";
    case "thinking":
      return !("signature" in part) || typeof part.signature === "string";
    default:
      return true;
  }
}
