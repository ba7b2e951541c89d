/**
 * Wire types of Amazon Bedrock's Converse and ConverseStream APIs, written from the AWS API reference:
 *
 * - Converse: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html
 * - ConverseStream: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html
 * - ContentBlock (text, image, document, toolUse, toolResult, reasoningContent, cachePoint …):
 *   https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ContentBlock.html
 * - ConverseStreamOutput (events and the exceptions a stream may carry):
 *   https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStreamOutput.html
 * - TokenUsage, CachePointBlock, ReasoningContentBlock, ToolConfiguration: the same reference.
 *
 * Checked against real recordings in test/fixtures/bedrock/ (SOURCES.md). The API adds block and
 * event types over time; decoders ignore the ones they do not know.
 */

/** Marks the prompt up to here as cacheable (`type: "default"` is the only value). */
export interface BedrockCachePoint {
  cachePoint: { type: "default" };
}

/** Image formats the API takes. */
export type BedrockImageFormat = "png" | "jpeg" | "gif" | "webp";
/** Document formats the API takes. */
export type BedrockDocumentFormat = "pdf" | "csv" | "doc" | "docx" | "xls" | "xlsx" | "html" | "txt" | "md";

/** Binary content: base64 bytes in JSON, or an S3 object. */
export type BedrockSource = { bytes: string } | { s3Location: { uri: string; bucketOwner?: string } };

/** Reasoning: the text with its signature, or content the provider encrypted (base64). */
export type BedrockReasoningContent = { reasoningText: { text: string; signature?: string } } | { redactedContent: string };

/** The content of a tool result. */
export type BedrockToolResultContent =
  | { text: string }
  | { json: unknown }
  | { image: { format: BedrockImageFormat; source: BedrockSource } }
  | { document: { format: BedrockDocumentFormat; name: string; source: BedrockSource } };

/** A content block of a message (a union: exactly one key is set). */
export type BedrockContentBlock =
  | { text: string }
  | { image: { format: BedrockImageFormat; source: BedrockSource } }
  | { document: { format: BedrockDocumentFormat; name: string; source: BedrockSource | { text: string } } }
  | { toolUse: { toolUseId: string; name: string; input: unknown } }
  | { toolResult: { toolUseId: string; content: BedrockToolResultContent[]; status?: "success" | "error" } }
  | { reasoningContent: BedrockReasoningContent }
  | BedrockCachePoint
  | Record<string, unknown>;

/** A message of `messages` (system text goes to the top-level `system`). */
export interface BedrockMessageParam {
  role: "user" | "assistant";
  content: BedrockContentBlock[];
}

/** A block of the top-level `system`. */
export type BedrockSystemBlock = { text: string } | BedrockCachePoint | Record<string, unknown>;

/** A tool's definition. */
export interface BedrockToolSpec {
  toolSpec: { name: string; description?: string; inputSchema: { json: Record<string, unknown> } };
}

/** How the model may use tools (`any` and `tool` are supported by some model families only). */
export type BedrockToolChoice = { auto: Record<string, never> } | { any: Record<string, never> } | { tool: { name: string } };

/** `toolConfig`: the tools (and cache points between them) and the choice. */
export interface BedrockToolConfig {
  tools: (BedrockToolSpec | BedrockCachePoint | Record<string, unknown>)[];
  toolChoice?: BedrockToolChoice;
}

/** `inferenceConfig`: the parameters every model takes. */
export interface BedrockInferenceConfig {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stopSequences?: string[];
}

/** The body of `POST /model/{modelId}/converse` and `/converse-stream`. */
export interface BedrockRequestBody {
  messages: BedrockMessageParam[];
  system?: BedrockSystemBlock[];
  inferenceConfig?: BedrockInferenceConfig;
  toolConfig?: BedrockToolConfig;
  additionalModelRequestFields?: Record<string, unknown>;
  [field: string]: unknown;
}

/** Why the model stopped. */
export type BedrockStopReason =
  | "end_turn"
  | "tool_use"
  | "max_tokens"
  | "stop_sequence"
  | "guardrail_intervened"
  | "content_filtered"
  | "model_context_window_exceeded";

/**
 * Token counts. `inputTokens` EXCLUDES cache reads and writes (the recorded cache-write response
 * has inputTokens 11, cacheWriteInputTokens 1028 and totalTokens 1303 = 11 + 264 + 1028).
 */
export interface BedrockUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens?: number;
  cacheReadInputTokens?: number;
  cacheWriteInputTokens?: number;
}

/** A Converse response. */
export interface BedrockConverseResponse {
  output: { message?: { role: "assistant"; content: BedrockContentBlock[] } };
  stopReason: BedrockStopReason | string;
  usage?: BedrockUsage;
  metrics?: { latencyMs: number };
  additionalModelResponseFields?: unknown;
  trace?: unknown;
  [field: string]: unknown;
}

/** A `contentBlockDelta`'s delta. */
export type BedrockDelta =
  | { text: string }
  | { toolUse: { input: string } }
  | { reasoningContent: { text?: string; signature?: string; redactedContent?: string } }
  | Record<string, unknown>;

/** The events of a ConverseStream body; `type` is the frame's `:event-type` header. */
export type BedrockStreamEvent =
  | { type: "messageStart"; role: "assistant" }
  | { type: "contentBlockStart"; contentBlockIndex: number; start?: { toolUse?: { toolUseId: string; name: string } } }
  | { type: "contentBlockDelta"; contentBlockIndex: number; delta: BedrockDelta }
  | { type: "contentBlockStop"; contentBlockIndex: number }
  | { type: "messageStop"; stopReason: BedrockStopReason | string; additionalModelResponseFields?: unknown }
  | { type: "metadata"; usage?: BedrockUsage; metrics?: { latencyMs: number }; trace?: unknown };
