// Public API of `promptcall` (core, prompts, tools, errors, llm). Re-exports only.
export { callFactory } from "./core/call-factory";
export { BaseCallResponse, type CallResponseInit } from "./core/call-response";
export { BaseCallResponseChunk } from "./core/call-response-chunk";
export { BaseStream, type StreamInit, type StreamItem } from "./core/stream";
export { BaseTool, defineTool, parseToolArgs, type ToolCallData, type ToolDefinition, type ToolInstanceOf, type ToolOutput } from "./core/tool";
export type { ToolClass } from "./core/tool-class";
export type { BaseCallParams } from "./core/call-params";
export type { BaseDynamicConfig } from "./core/dynamic-config";
export type { ClientOptions } from "./core/client-options";
export type { FinishReason } from "./core/finish-reason";
export type {
  CallFunction,
  CallOptions,
  CallResult,
  ProviderCall,
  PromptFunction,
  StructuredOutputMode,
  WithTools,
} from "./core/call-options";
export type {
  OutputContext,
  ProviderDefinition,
  SetupCallContext,
  SetupCallResult,
} from "./core/provider-definition";
export type { ProviderRequest } from "./core/send-request";
export type { StructuredSpec } from "./core/structured-spec";
export type { Prompt } from "./core/normalize-prompt";
export { commonToolMessageParams, toolOutputText } from "./core/common-messages";
export { StructuredStream, type DeepPartial } from "./core/structured-stream";
export { responseOf, isCallResponse } from "./core/response-of";
export { isBaseMessageParam } from "./core/message-param";
export type {
  AudioPart,
  BaseMessageParam,
  BinaryData,
  CacheControl,
  ContentPart,
  DocumentPart,
  ImagePart,
  Role,
  TextPart,
  ThinkingPart,
  ToolCallPart,
  ToolResultPart,
} from "./core/message-param";
export { prompt } from "./core/prompt";
export { promptTemplate, type PromptTemplate } from "./core/prompt-template";
export type { TemplateVariables, TemplateValue, HistoryMessage } from "./core/template-types";
export { messages, type MessageContent } from "./core/messages";
export { audio, document, image, sniffMediaType, text, type MediaSource } from "./core/parts";
export * from "./errors/index";
// The web-page key guard of the OpenAI-API providers. Exported here, not from `promptcall/openai`:
// a bundler that sees it re-exported there would load it with every OpenAI program (esbuild does).
export { BrowserApiKeyError } from "./providers/openai/browser-api-key-error";
export { checkBrowserKey, isBrowserRuntime, type BrowserKeyCheck } from "./providers/openai/browser-guard";
export { withRetry, retryDelayMs, parseRetryAfter, isRetryableStatus, isRetryableError, type RetryOptions } from "./core/retry";
export { readEnv } from "./core/env";
export { computeCost, registerPrices, findPrices } from "./core/cost";
export type { Usage } from "./core/usage";
export { jsonSchema, toJsonSchema, validateSchema, type InferSchema, type JsonSchema, type SchemaLike } from "./core/schema";
export { toStrictJsonSchema, restoreOptional } from "./core/strict-json-schema";
export { PartialJsonParser } from "./core/partial-json";
export { sseEvents, type SseEventsOptions } from "./web-streams/sse-events";
export type { SseEvent } from "./web-streams/sse-decoder";
export { iterateStream } from "./web-streams/read-stream";
export { toReadableStream } from "./web-streams/to-readable-stream";
export { encodeSseEvent } from "./web-streams/encode-sse-event";
export { eventStreamResponse, textResponse } from "./web-streams/response";
export * from "./llm/index";
export { addUsage } from "./core/usage";
export { PRICES } from "./core/prices";
export type { ModelPrices } from "./core/model-prices";
export * from "./worker/index";
