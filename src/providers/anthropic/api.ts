/**
 * Wire types of the Anthropic Messages API, written from the official documentation:
 *
 * - Messages API reference (request and response): https://docs.anthropic.com/en/api/messages
 * - Streaming events: https://docs.anthropic.com/en/docs/build-with-claude/streaming
 *   (now https://platform.claude.com/docs/en/build-with-claude/streaming)
 * - Errors (envelope, 529 overloaded_error, request-id header): https://docs.anthropic.com/en/api/errors
 * - Extended thinking (thinking / redacted_thinking blocks, signatures, tool use):
 *   https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking
 * - Prompt caching (cache_control, cache_*_input_tokens): https://docs.anthropic.com/en/docs/build-with-claude/prompt-caching
 * - Vision (image sources): https://docs.anthropic.com/en/docs/build-with-claude/vision
 * - PDF support (document blocks): https://docs.anthropic.com/en/docs/build-with-claude/pdf-support
 * - Tool use (tools, tool_choice, tool_result): https://docs.anthropic.com/en/docs/agents-and-tools/tool-use/overview
 * - Web search tool (server_tool_use, web_search_tool_result):
 *   https://docs.anthropic.com/en/docs/agents-and-tools/tool-use/web-search-tool
 *
 * The API adds block, delta and event types over time; decoders must ignore the ones they do not know.
 */

/** Marks the prompt up to this block as cacheable. */
export interface AnthropicCacheControl {
  type: "ephemeral";
  ttl?: "5m" | "1h";
}

/** A text block (request and response; responses may carry `citations`). */
export interface AnthropicTextBlock {
  type: "text";
  text: string;
  citations?: unknown[] | null;
  cache_control?: AnthropicCacheControl;
}

/** An image: base64 bytes with their media type, or a URL. */
export interface AnthropicImageBlock {
  type: "image";
  source: { type: "base64"; media_type: string; data: string } | { type: "url"; url: string };
  cache_control?: AnthropicCacheControl;
}

/** A document: a base64 PDF, a PDF URL, or plain text. */
export interface AnthropicDocumentBlock {
  type: "document";
  source:
    | { type: "base64"; media_type: "application/pdf"; data: string }
    | { type: "url"; url: string }
    | { type: "text"; media_type: "text/plain"; data: string };
  title?: string;
  context?: string;
  citations?: { enabled: boolean };
  cache_control?: AnthropicCacheControl;
}

/** A client tool call made by the model. `input` is always an object in a complete message. */
export interface AnthropicToolUseBlock {
  type: "tool_use";
  id: string;
  name: string;
  input: Record<string, unknown>;
  cache_control?: AnthropicCacheControl;
}

/** The result of a client tool, sent back in a `user` message. */
export interface AnthropicToolResultBlock {
  type: "tool_result";
  tool_use_id: string;
  content?: string | (AnthropicTextBlock | AnthropicImageBlock)[];
  is_error?: boolean;
  cache_control?: AnthropicCacheControl;
}

/** Extended thinking; the signature must travel back unchanged in a tool loop. */
export interface AnthropicThinkingBlock {
  type: "thinking";
  thinking: string;
  signature: string;
}

/** Thinking the safety systems encrypted; `data` must travel back unchanged. */
export interface AnthropicRedactedThinkingBlock {
  type: "redacted_thinking";
  data: string;
}

/** A server tool call (e.g. `web_search`) run by Anthropic. */
export interface AnthropicServerToolUseBlock {
  type: "server_tool_use";
  id: string;
  name: string;
  input: Record<string, unknown>;
  cache_control?: AnthropicCacheControl;
}

/** A server tool's result (`web_search_tool_result`, `code_execution_tool_result`, …), passed through as is. */
export interface AnthropicServerToolResultBlock {
  type: `${string}_tool_result`;
  tool_use_id: string;
  content: unknown;
  [key: string]: unknown;
}

/** Any content block of a request or a response message. */
export type AnthropicContentBlock =
  | AnthropicTextBlock
  | AnthropicImageBlock
  | AnthropicDocumentBlock
  | AnthropicToolUseBlock
  | AnthropicToolResultBlock
  | AnthropicThinkingBlock
  | AnthropicRedactedThinkingBlock
  | AnthropicServerToolUseBlock
  | AnthropicServerToolResultBlock;

/** A message of the `messages` array. There is no system role: system text goes to the top-level `system`. */
export interface AnthropicMessageParam {
  role: "user" | "assistant";
  content: string | AnthropicContentBlock[];
}

/** A client tool's definition. */
export interface AnthropicToolParam {
  name: string;
  description?: string;
  input_schema: Record<string, unknown>;
  cache_control?: AnthropicCacheControl;
}

/** How the model may use tools. */
export type AnthropicToolChoice =
  | { type: "auto" | "any"; disable_parallel_tool_use?: boolean }
  | { type: "tool"; name: string; disable_parallel_tool_use?: boolean }
  | { type: "none" };

/** Extended thinking configuration (`budget_tokens` ≥ 1024 and below `max_tokens`). */
export type AnthropicThinkingConfig = { type: "enabled"; budget_tokens: number } | { type: "disabled" };

/** The body of `POST /v1/messages`. */
export interface AnthropicRequestBody {
  model: string;
  max_tokens: number;
  messages: AnthropicMessageParam[];
  system?: string | AnthropicTextBlock[];
  tools?: (AnthropicToolParam | Record<string, unknown>)[];
  tool_choice?: AnthropicToolChoice;
  stream?: boolean;
  [param: string]: unknown;
}

/** Why the model stopped. */
export type AnthropicStopReason =
  | "end_turn"
  | "max_tokens"
  | "stop_sequence"
  | "tool_use"
  | "pause_turn"
  | "refusal"
  | "model_context_window_exceeded";

/** Token counts. `input_tokens` EXCLUDES the cache read and cache write tokens. */
export interface AnthropicUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation?: { ephemeral_5m_input_tokens?: number; ephemeral_1h_input_tokens?: number } | null;
  server_tool_use?: { web_search_requests?: number } | null;
  service_tier?: string | null;
  /** The thinking part of `output_tokens` (newer models; `Usage.output_tokens_details` in Anthropic's SDK types). */
  output_tokens_details?: { thinking_tokens?: number } | null;
}

/** A complete (non-streaming) response. */
export interface AnthropicMessage {
  id: string;
  type: "message";
  role: "assistant";
  model: string;
  content: AnthropicContentBlock[];
  stop_reason: AnthropicStopReason | null;
  stop_sequence: string | null;
  usage: AnthropicUsage;
}

/** The deltas of `content_block_delta`. */
export type AnthropicDelta =
  | { type: "text_delta"; text: string }
  | { type: "input_json_delta"; partial_json: string }
  | { type: "thinking_delta"; thinking: string }
  | { type: "signature_delta"; signature: string }
  | { type: "citations_delta"; citation: unknown };

/** `message_start`: the message with empty content (usage may be missing, as in the docs' thinking example). */
export interface AnthropicMessageStartEvent {
  type: "message_start";
  message: Omit<AnthropicMessage, "usage"> & { usage?: Partial<AnthropicUsage> };
}

/** `content_block_start`: a block with empty content at `index`. */
export interface AnthropicContentBlockStartEvent {
  type: "content_block_start";
  index: number;
  content_block: AnthropicContentBlock;
}

/** `content_block_delta`: a piece of the block at `index`. */
export interface AnthropicContentBlockDeltaEvent {
  type: "content_block_delta";
  index: number;
  delta: AnthropicDelta;
}

/** `content_block_stop`: the block at `index` is complete. */
export interface AnthropicContentBlockStopEvent {
  type: "content_block_stop";
  index: number;
}

/** `message_delta`: stop reason and CUMULATIVE usage. */
export interface AnthropicMessageDeltaEvent {
  type: "message_delta";
  delta: { stop_reason?: AnthropicStopReason | null; stop_sequence?: string | null };
  usage?: Partial<AnthropicUsage>;
}

/** `message_stop`: the end of the stream. */
export interface AnthropicMessageStopEvent {
  type: "message_stop";
}

/** `ping`: keeps the connection alive. */
export interface AnthropicPingEvent {
  type: "ping";
}

/** The error envelope, in HTTP error bodies and as the `error` stream event. */
export interface AnthropicErrorEvent {
  type: "error";
  error: { type: string; message: string };
  request_id?: string;
}

/** Any event of a streamed response. */
export type AnthropicStreamEvent =
  | AnthropicMessageStartEvent
  | AnthropicContentBlockStartEvent
  | AnthropicContentBlockDeltaEvent
  | AnthropicContentBlockStopEvent
  | AnthropicMessageDeltaEvent
  | AnthropicMessageStopEvent
  | AnthropicPingEvent
  | AnthropicErrorEvent;
