/**
 * Wire types of OpenAI's Chat Completions API, written from the API reference:
 * https://platform.openai.com/docs/api-reference/chat/create (request, response),
 * https://platform.openai.com/docs/api-reference/chat/streaming (chunks; with
 * `stream_options: { include_usage: true }` a last chunk with `choices: []` carries the usage),
 * https://platform.openai.com/docs/guides/error-codes (the `{ error: { message, type, param, code } }` envelope).
 * Only the fields promptcall reads or writes are typed; unknown fields are kept in `raw` untouched.
 */

/** A text content part. */
export interface ChatCompletionContentPartText {
  type: "text";
  text: string;
}

/** An image content part: an `https:` URL or a `data:` URL with base64 bytes. */
export interface ChatCompletionContentPartImage {
  type: "image_url";
  image_url: { url: string; detail?: "auto" | "low" | "high" };
}

/** An audio content part: base64 bytes in WAV or MP3. */
export interface ChatCompletionContentPartInputAudio {
  type: "input_audio";
  input_audio: { data: string; format: "wav" | "mp3" };
}

/** A file content part (PDF): `file_data` is a `data:application/pdf;base64,…` URL, or an uploaded `file_id`. */
export interface ChatCompletionContentPartFile {
  type: "file";
  file: { file_data?: string; file_id?: string; filename?: string };
}

/** A refusal part of an assistant message. */
export interface ChatCompletionContentPartRefusal {
  type: "refusal";
  refusal: string;
}

/** Any user content part. */
export type ChatCompletionContentPart =
  | ChatCompletionContentPartText
  | ChatCompletionContentPartImage
  | ChatCompletionContentPartInputAudio
  | ChatCompletionContentPartFile;

/** A system message. */
export interface ChatCompletionSystemMessageParam {
  role: "system";
  content: string | ChatCompletionContentPartText[];
  name?: string;
}

/** A developer message (o-series models and newer treat it as the system prompt). */
export interface ChatCompletionDeveloperMessageParam {
  role: "developer";
  content: string | ChatCompletionContentPartText[];
  name?: string;
}

/** A user message. */
export interface ChatCompletionUserMessageParam {
  role: "user";
  content: string | ChatCompletionContentPart[];
  name?: string;
}

/** A function tool call made by the assistant; `arguments` is JSON text. */
export interface ChatCompletionMessageToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

/**
 * One item of OpenRouter's `reasoning_details` (https://openrouter.ai/docs/use-cases/reasoning-tokens):
 * `reasoning.text` (with an optional `signature`), `reasoning.summary` or `reasoning.encrypted` (`data`),
 * numbered by `index`. Passed back whole when a conversation continues.
 */
export interface ReasoningDetail {
  type: string;
  index?: number;
  text?: string | null;
  summary?: string;
  data?: string;
  signature?: string | null;
  id?: string | null;
  format?: string;
  [key: string]: unknown;
}

/** An assistant message as sent back in a history. */
export interface ChatCompletionAssistantMessageParam {
  role: "assistant";
  content?: string | (ChatCompletionContentPartText | ChatCompletionContentPartRefusal)[] | null;
  refusal?: string | null;
  tool_calls?: ChatCompletionMessageToolCall[];
  audio?: { id: string } | null;
  name?: string;
  /**
   * Reasoning text some OpenAI-compatible services send beside the answer (DeepSeek, xAI, vLLM);
   * DeepSeek needs it back on assistant turns with tool calls (see `reasoningContent` in the settings).
   */
  reasoning_content?: string | null;
  /** OpenRouter's structured reasoning, passed back whole when the conversation continues. */
  reasoning_details?: ReasoningDetail[] | null;
  /** OpenRouter's and Groq's reasoning text. */
  reasoning?: string | null;
}

/** A tool result message. */
export interface ChatCompletionToolMessageParam {
  role: "tool";
  content: string | ChatCompletionContentPartText[];
  tool_call_id: string;
}

/** Any Chat Completions message. */
export type ChatCompletionMessageParam =
  | ChatCompletionSystemMessageParam
  | ChatCompletionDeveloperMessageParam
  | ChatCompletionUserMessageParam
  | ChatCompletionAssistantMessageParam
  | ChatCompletionToolMessageParam;

/** A function the model may call. `strict: true` requires a strict-mode schema. */
export interface FunctionDefinition {
  name: string;
  description?: string;
  parameters?: Record<string, unknown>;
  strict?: boolean | null;
}

/** A tool of the Chat Completions API. */
export interface ChatCompletionTool {
  type: "function";
  function: FunctionDefinition;
}

/** Which tool the model must (or must not) call. */
export type ChatCompletionToolChoiceOption = "none" | "auto" | "required" | { type: "function"; function: { name: string } };

/** The JSON Schema of a `json_schema` response format. */
export interface ResponseFormatJSONSchema {
  name: string;
  description?: string;
  schema?: Record<string, unknown>;
  strict?: boolean | null;
}

/** The output format: plain text, JSON mode, or Structured Outputs. */
export type ResponseFormat = { type: "text" } | { type: "json_object" } | { type: "json_schema"; json_schema: ResponseFormatJSONSchema };

/** Options of a streamed request. */
export interface ChatCompletionStreamOptions {
  include_usage?: boolean;
}

/** Token counts; `prompt_tokens` includes the cached ones, `completion_tokens` the reasoning ones. */
export interface CompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens?: number; cache_write_tokens?: number; audio_tokens?: number } | null;
  completion_tokens_details?: {
    reasoning_tokens?: number;
    audio_tokens?: number;
    accepted_prediction_tokens?: number;
    rejected_prediction_tokens?: number;
  } | null;
}

/** Why generation stopped. */
export type ChatCompletionFinishReason = "stop" | "length" | "tool_calls" | "content_filter" | "function_call";

/** The assistant message of a completion. */
export interface ChatCompletionMessage {
  role: "assistant";
  content: string | null;
  refusal?: string | null;
  tool_calls?: ChatCompletionMessageToolCall[];
  audio?: { id: string; data?: string; transcript?: string; expires_at?: number } | null;
  annotations?: unknown[];
  /** OpenRouter's structured reasoning, passed back whole when the conversation continues. */
  reasoning_details?: ReasoningDetail[] | null;
  /** OpenRouter's and Groq's reasoning text. */
  reasoning?: string | null;
  /**
   * Reasoning text some OpenAI-compatible services send beside the answer (DeepSeek, xAI, vLLM);
   * DeepSeek needs it back on assistant turns with tool calls (see `reasoningContent` in the settings).
   */
  reasoning_content?: string | null;
}

/** One choice of a completion. */
export interface ChatCompletionChoice {
  index: number;
  message: ChatCompletionMessage;
  finish_reason: ChatCompletionFinishReason | null;
  logprobs?: unknown;
}

/** A non-streaming response (`object: "chat.completion"`). */
export interface ChatCompletion {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  choices: ChatCompletionChoice[];
  usage?: CompletionUsage;
  service_tier?: string | null;
  system_fingerprint?: string | null;
}

/** A fragment of a tool call in a stream: the first one has `id` and `function.name`, later ones only `arguments`. */
export interface ChatCompletionChunkToolCall {
  index: number;
  id?: string;
  type?: "function";
  function?: { name?: string; arguments?: string };
}

/** What one chunk adds to the message. */
export interface ChatCompletionChunkDelta {
  role?: "assistant";
  content?: string | null;
  refusal?: string | null;
  tool_calls?: ChatCompletionChunkToolCall[];
  /** A piece of the reasoning text (DeepSeek, xAI, vLLM). */
  reasoning_content?: string | null;
  /** Pieces of OpenRouter's structured reasoning (see `mergeReasoningDetails`). */
  reasoning_details?: ReasoningDetail[] | null;
  /** A piece of OpenRouter's and Groq's reasoning text. */
  reasoning?: string | null;
}

/** One choice of a chunk. */
export interface ChatCompletionChunkChoice {
  index: number;
  delta: ChatCompletionChunkDelta;
  finish_reason: ChatCompletionFinishReason | null;
  logprobs?: unknown;
}

/** One streamed chunk (`object: "chat.completion.chunk"`). */
export interface ChatCompletionChunk {
  id: string;
  object: "chat.completion.chunk";
  created: number;
  model: string;
  choices: ChatCompletionChunkChoice[];
  usage?: CompletionUsage | null;
  service_tier?: string | null;
  system_fingerprint?: string | null;
}

/** OpenAI's error envelope, in HTTP error bodies and in error events inside a 200 stream. */
export interface OpenAIErrorBody {
  error: {
    message: string;
    type?: string | null;
    param?: string | null;
    code?: string | number | null;
  };
}
