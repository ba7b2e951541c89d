// Public API of `promptcall` (core, prompts, tools, errors, llm). Re-exports only.
export { callFactory } from "./core/call-factory.ts";
export { BaseCallResponse, type CallResponseInit } from "./core/call-response.ts";
export { BaseCallResponseChunk } from "./core/call-response-chunk.ts";
export { BaseStream, type StreamInit, type StreamItem } from "./core/stream.ts";
export {
  BaseTool,
  defineTool,
  parseToolArgs,
  type ToolCallData,
  type ToolDefinition,
  type ToolInstanceOf,
  type ToolOutput,
} from "./core/tools/tool.ts";
export type { ToolClass } from "./core/tools/tool-class.ts";
export type { BaseCallParams } from "./core/call-params.ts";
export type { BaseDynamicConfig } from "./core/dynamic-config.ts";
export type { ClientOptions } from "./http/client-options.ts";
export type { FinishReason } from "./core/finish-reason.ts";
export type {
  CallFunction,
  CallOptions,
  CallResult,
  ProviderCall,
  PromptFunction,
  StructuredOutputMode,
  WithTools,
} from "./core/call-options.ts";
export type {
  OutputContext,
  ProviderDefinition,
  SetupCallContext,
  SetupCallResult,
} from "./core/provider-definition.ts";
export type { ProviderRequest } from "./http/send-request.ts";
export type { StructuredSpec } from "./core/structured/structured-spec.ts";
export type { Prompt } from "./core/normalize-prompt.ts";
export { commonToolMessageParams, toolOutputText } from "./core/tools/common-messages.ts";
export { StructuredStream, type DeepPartial } from "./core/structured/structured-stream.ts";
export { responseOf, isCallResponse } from "./core/structured/response-of.ts";
export { isBaseMessageParam } from "./core/message-param.ts";
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
} from "./core/message-param.ts";
export { prompt } from "./core/prompt/prompt.ts";
export { promptTemplate, type PromptTemplate } from "./core/prompt/prompt-template.ts";
export type { TemplateVariables, TemplateValue, HistoryMessage } from "./core/prompt/template-types.ts";
export { messages, type MessageContent } from "./core/prompt/messages.ts";
export { audio, document, image, sniffMediaType, text, type MediaSource } from "./core/prompt/parts.ts";
export * from "./errors/index.ts";
// The web-page key guard of the OpenAI-API providers. Exported here, not from `promptcall/openai`:
// a bundler that sees it re-exported there would load it with every OpenAI program (esbuild does).
export { BrowserApiKeyError } from "./providers/openai/browser-api-key-error.ts";
export { checkBrowserKey, isBrowserRuntime, type BrowserKeyCheck } from "./providers/openai/browser-guard.ts";
export { withRetry, retryDelayMs, parseRetryAfter, isRetryableStatus, isRetryableError, type RetryOptions } from "./http/retry.ts";
export { readEnv } from "./http/env.ts";
export { computeCost, registerPrices, findPrices } from "./core/cost/cost.ts";
export type { Usage } from "./core/usage.ts";
export { jsonSchema, toJsonSchema, validateSchema, type InferSchema, type JsonSchema, type SchemaLike } from "./core/structured/schema.ts";
export { toStrictJsonSchema, restoreOptional } from "./core/structured/strict-json-schema.ts";
export { PartialJsonParser } from "./core/structured/partial-json.ts";
export { sseEvents, type SseEventsOptions } from "./web-streams/sse-events.ts";
export type { SseEvent } from "./web-streams/sse-decoder.ts";
export { iterateStream } from "./web-streams/read-stream.ts";
export { toReadableStream } from "./web-streams/to-readable-stream.ts";
export { encodeSseEvent } from "./web-streams/encode-sse-event.ts";
export { eventStreamResponse, textResponse } from "./web-streams/response.ts";
export * from "./llm/index.ts";
export { addUsage } from "./core/usage.ts";
export { PRICES } from "./llm/prices.ts";
export type { ModelPrices } from "./core/cost/model-prices.ts";
export * from "./worker/index.ts";
