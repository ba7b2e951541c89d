/**
 * Wire types of OpenAI's Responses API (`POST /responses`), written from the API reference:
 * https://platform.openai.com/docs/api-reference/responses/create (request: `input` items,
 * `instructions`, flat function tools `{ type: "function", name, parameters, strict }`, `text.format`,
 * `reasoning`, `max_output_tokens`; response: `output` items and `usage` with `input_tokens_details`),
 * https://platform.openai.com/docs/api-reference/responses-streaming (typed SSE events, no `[DONE]`:
 * the stream ends with `response.completed`, `response.incomplete` or `response.failed`; an `error`
 * event carries `code`, `message`, `param`) and https://platform.openai.com/docs/guides/function-calling
 * (`function_call` / `function_call_output` items linked by `call_id`).
 */

/** Text input. */
export interface ResponsesInputText {
  type: "input_text";
  text: string;
}

/** Image input: a URL (`https:` or `data:`) or an uploaded file id. */
export interface ResponsesInputImage {
  type: "input_image";
  image_url?: string;
  file_id?: string;
  detail: "auto" | "low" | "high";
}

/** File input (PDF): a `data:` URL, an uploaded file id or a file URL. */
export interface ResponsesInputFile {
  type: "input_file";
  file_data?: string;
  file_id?: string;
  file_url?: string;
  filename?: string;
}

/** Audio input, base64 WAV or MP3 (shape from the API's `InputAudio` schema). */
export interface ResponsesInputAudio {
  type: "input_audio";
  input_audio: { data: string; format: "wav" | "mp3" };
}

/** Any input content part. */
export type ResponsesInputContent = ResponsesInputText | ResponsesInputImage | ResponsesInputFile | ResponsesInputAudio;

/** A message in `input` (an "easy input message"; `type: "message"` is optional). */
export interface ResponsesInputMessage {
  type?: "message";
  role: "user" | "assistant" | "system" | "developer";
  content: string | ResponsesInputContent[];
}

/** A function call made by the model, as output or sent back as input. */
export interface ResponsesFunctionCall {
  type: "function_call";
  call_id: string;
  name: string;
  arguments: string;
  id?: string;
  status?: "in_progress" | "completed" | "incomplete";
}

/** The result of a function call, sent back as input. */
export interface ResponsesFunctionCallOutput {
  type: "function_call_output";
  call_id: string;
  output: string;
}

/** Any input item promptcall produces (other item types given natively pass through unchanged). */
export type ResponsesInputItem = ResponsesInputMessage | ResponsesFunctionCall | ResponsesFunctionCallOutput;

/** A function tool (flat, unlike Chat Completions). The API treats a missing `strict` as `true`. */
export interface ResponsesFunctionTool {
  type: "function";
  name: string;
  description?: string;
  parameters: Record<string, unknown>;
  strict: boolean;
}

/** Which tool the model must (or must not) call. */
export type ResponsesToolChoice = "none" | "auto" | "required" | { type: "function"; name: string };

/** The output format, under `text.format`. */
export type ResponsesTextFormat =
  | { type: "text" }
  | { type: "json_object" }
  | { type: "json_schema"; name: string; schema: Record<string, unknown>; description?: string; strict?: boolean | null };

/** Output text with its annotations. */
export interface ResponsesOutputText {
  type: "output_text";
  text: string;
  annotations?: unknown[];
}

/** A refusal in an output message. */
export interface ResponsesOutputRefusal {
  type: "refusal";
  refusal: string;
}

/** An assistant message in `output`. */
export interface ResponsesOutputMessage {
  type: "message";
  id: string;
  role: "assistant";
  status?: string;
  content: (ResponsesOutputText | ResponsesOutputRefusal)[];
}

/** Any output item promptcall reads (reasoning and built-in tool items are kept in `raw`). */
export type ResponsesOutputItem = ResponsesOutputMessage | ResponsesFunctionCall | { type: "reasoning"; id: string };

/** Token counts; `input_tokens` includes the cached ones, `output_tokens` the reasoning ones. */
export interface ResponsesUsage {
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
  input_tokens_details?: { cached_tokens?: number; cache_write_tokens?: number } | null;
  output_tokens_details?: { reasoning_tokens?: number } | null;
}

/** A response object (`object: "response"`), returned whole or inside lifecycle events. */
export interface ResponsesResponse {
  id: string;
  object: "response";
  created_at: number;
  model: string;
  status: "completed" | "failed" | "in_progress" | "incomplete" | "cancelled" | "queued";
  output: ResponsesOutputItem[];
  usage?: ResponsesUsage | null;
  error?: { code?: string | null; message: string } | null;
  incomplete_details?: { reason?: string } | null;
}

/** Lifecycle events: the response so far, or final. */
export interface ResponsesLifecycleEvent {
  type: "response.created" | "response.in_progress" | "response.queued" | "response.completed" | "response.incomplete" | "response.failed";
  response: ResponsesResponse;
  sequence_number?: number;
}

/** An output item started or finished. */
export interface ResponsesOutputItemEvent {
  type: "response.output_item.added" | "response.output_item.done";
  output_index: number;
  item: ResponsesOutputItem;
  sequence_number?: number;
}

/** A text or refusal delta, or a function call's arguments delta. */
export interface ResponsesDeltaEvent {
  type: "response.output_text.delta" | "response.refusal.delta" | "response.function_call_arguments.delta";
  item_id: string;
  output_index: number;
  content_index?: number;
  delta: string;
  sequence_number?: number;
}

/** A function call's arguments are complete. */
export interface ResponsesArgumentsDoneEvent {
  type: "response.function_call_arguments.done";
  item_id: string;
  output_index: number;
  arguments: string;
  name?: string;
  sequence_number?: number;
}

/**
 * An error event in the middle of a stream. The API reference puts `code`, `message` and `param` at
 * the top level; recorded streams have them (and a `type`) nested under `error` instead.
 */
export interface ResponsesErrorEvent {
  type: "error";
  code?: string | null;
  message?: string;
  param?: string | null;
  error?: { type?: string | null; code?: string | null; message?: string; param?: string | null } | null;
  sequence_number?: number;
}

/** The streaming events promptcall reads; other event types are passed on as chunks and otherwise ignored. */
export type ResponsesStreamEvent =
  | ResponsesLifecycleEvent
  | ResponsesOutputItemEvent
  | ResponsesDeltaEvent
  | ResponsesArgumentsDoneEvent
  | ResponsesErrorEvent;
