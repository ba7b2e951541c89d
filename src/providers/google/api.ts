/**
 * Wire types of the Gemini API (REST, v1beta), written from Google's reference:
 * - https://ai.google.dev/api/generate-content (models.generateContent, models.streamGenerateContent,
 *   GenerateContentResponse, Candidate, FinishReason, PromptFeedback, BlockReason, UsageMetadata)
 * - https://ai.google.dev/api/caching#Content (Content, Part, Blob, FileData, FunctionCall, FunctionResponse,
 *   Tool, FunctionDeclaration with `parameters` / `parametersJsonSchema`, ToolConfig, FunctionCallingConfig)
 * - https://ai.google.dev/api/generate-content#v1beta.GenerationConfig (GenerationConfig, ThinkingConfig,
 *   `responseSchema` / `responseJsonSchema`)
 * - https://ai.google.dev/gemini-api/docs/thought-signatures (a `thoughtSignature` on any part, returned as received)
 * - https://ai.google.dev/gemini-api/docs/function-calling (function responses go back with role "user")
 * - https://ai.google.dev/gemini-api/docs/troubleshooting and https://cloud.google.com/apis/design/errors
 *   (the `{ error: { code, message, status, details } }` envelope, `google.rpc.RetryInfo`)
 * Only the fields promptcall reads or writes are typed; everything else passes through untouched.
 */

/** Inline bytes: `data` is base64. */
export interface GoogleBlob {
  mimeType: string;
  data: string;
}

/** A file by URI (Files API, Cloud Storage, YouTube or a public URL). */
export interface GoogleFileData {
  mimeType?: string;
  fileUri: string;
}

/** A function call predicted by the model; `args` is a JSON object. `id` is optional on the wire. */
export interface GoogleFunctionCall {
  id?: string;
  name: string;
  args?: Record<string, unknown>;
}

/** A function's result sent back to the model; `response` must be a JSON object. */
export interface GoogleFunctionResponse {
  id?: string;
  name: string;
  response: Record<string, unknown>;
}

/** One part of a content: exactly one data field, plus the optional thought flag and signature. */
export interface GooglePart {
  text?: string;
  inlineData?: GoogleBlob;
  fileData?: GoogleFileData;
  functionCall?: GoogleFunctionCall;
  functionResponse?: GoogleFunctionResponse;
  executableCode?: { language: string; code: string };
  codeExecutionResult?: { outcome: string; output?: string };
  /** True for a thought summary (only with `thinkingConfig.includeThoughts`). */
  thought?: boolean;
  /** Opaque signature of the model's reasoning; must be sent back exactly as received. */
  thoughtSignature?: string;
  [key: string]: unknown;
}

/** A message: role `"user"` or `"model"` and its parts. */
export interface GoogleContent {
  role: "user" | "model";
  parts: GooglePart[];
}

/** A function the model may call. `parametersJsonSchema` takes JSON Schema; `parameters` an OpenAPI 3.0 subset. */
export interface GoogleFunctionDeclaration {
  name: string;
  description?: string;
  parameters?: Record<string, unknown>;
  parametersJsonSchema?: Record<string, unknown>;
}

/** A tool: function declarations, or a built-in tool such as `{ googleSearch: {} }` or `{ codeExecution: {} }`. */
export interface GoogleToolParam {
  functionDeclarations?: GoogleFunctionDeclaration[];
  [builtIn: string]: unknown;
}

/** How the model may call functions. */
export interface GoogleFunctionCallingConfig {
  mode?: "AUTO" | "ANY" | "NONE" | "VALIDATED" | "MODE_UNSPECIFIED";
  allowedFunctionNames?: string[];
}

/** Tool settings of a request. */
export interface GoogleToolConfig {
  functionCallingConfig?: GoogleFunctionCallingConfig;
  [key: string]: unknown;
}

/** A harm category's blocking threshold. */
export interface GoogleSafetySetting {
  category: string;
  threshold: string;
}

/** Thinking settings: a token budget (Gemini 2.5) or a level (Gemini 3), and whether to return thought summaries. */
export interface GoogleThinkingConfig {
  thinkingBudget?: number;
  includeThoughts?: boolean;
  thinkingLevel?: "minimal" | "low" | "medium" | "high" | (string & {});
}

/** The named generation settings (shared by the request's `generationConfig` and the call params). */
export interface GoogleGenerationSettings {
  temperature?: number;
  topP?: number;
  topK?: number;
  maxOutputTokens?: number;
  stopSequences?: string[];
  candidateCount?: number;
  responseMimeType?: string;
  /** An OpenAPI 3.0 subset schema (prefer `responseJsonSchema`). */
  responseSchema?: Record<string, unknown>;
  /** A JSON Schema the output must follow (with `responseMimeType: "application/json"`). */
  responseJsonSchema?: Record<string, unknown>;
  thinkingConfig?: GoogleThinkingConfig;
  seed?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  responseLogprobs?: boolean;
  logprobs?: number;
  responseModalities?: string[];
}

/** Generation settings of a request. */
export interface GoogleGenerationConfig extends GoogleGenerationSettings {
  [key: string]: unknown;
}

/** The body of `models/{model}:generateContent` and `:streamGenerateContent`. */
export interface GoogleGenerateContentRequest {
  contents: GoogleContent[];
  systemInstruction?: { parts: GooglePart[] };
  tools?: GoogleToolParam[];
  toolConfig?: GoogleToolConfig;
  safetySettings?: GoogleSafetySetting[];
  generationConfig?: GoogleGenerationConfig;
  cachedContent?: string;
}

/** A safety rating of a prompt or candidate. */
export interface GoogleSafetyRating {
  category: string;
  probability: string;
  blocked?: boolean;
}

/** One generated candidate. `content` is missing when a filter removed it. */
export interface GoogleCandidate {
  content?: { role?: string; parts?: GooglePart[] };
  finishReason?: string;
  finishMessage?: string;
  index?: number;
  safetyRatings?: GoogleSafetyRating[];
  [key: string]: unknown;
}

/** Why a prompt was blocked (then there are no candidates). */
export interface GooglePromptFeedback {
  blockReason?: string;
  blockReasonMessage?: string;
  safetyRatings?: GoogleSafetyRating[];
}

/**
 * Token counts. `promptTokenCount` includes `cachedContentTokenCount`; `totalTokenCount` is prompt +
 * candidates + thoughts (+ tool-use prompt). In a stream every chunk repeats the running totals.
 */
export interface GoogleUsageMetadata {
  promptTokenCount?: number;
  candidatesTokenCount?: number;
  cachedContentTokenCount?: number;
  thoughtsTokenCount?: number;
  toolUsePromptTokenCount?: number;
  totalTokenCount?: number;
  [key: string]: unknown;
}

/** The response of `generateContent`, and each event of `streamGenerateContent?alt=sse`. */
export interface GoogleGenerateContentResponse {
  candidates?: GoogleCandidate[];
  promptFeedback?: GooglePromptFeedback;
  usageMetadata?: GoogleUsageMetadata;
  modelVersion?: string;
  responseId?: string;
  [key: string]: unknown;
}

/** Google's error envelope (also sent as an SSE event mid-stream). */
export interface GoogleErrorBody {
  error: {
    code?: number;
    message?: string;
    status?: string;
    details?: Array<{ "@type"?: string; [key: string]: unknown }>;
  };
}
