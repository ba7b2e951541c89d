// `promptcall/provider`: everything a custom provider needs (Mirascope's `mirascope.core.base`) —
// `callFactory`, the base classes, their types, and the helpers the built-in providers' hooks use.
// The built-in providers are written with nothing more than this. Re-exports only.
export { callFactory } from "./core/call-factory.ts";
export { BaseCallResponse, type CallResponseInit } from "./core/call-response.ts";
export { BaseCallResponseChunk } from "./core/call-response-chunk.ts";
export { BaseStream, type StreamInit, type StreamItem } from "./core/stream.ts";
export { parseToolArgs } from "./core/tools/parse-tool-args.ts";
export {
  BaseTool,
  type ToolCallData,
  type ToolDefinition,
  type ToolInstanceOf,
  type ToolOutput,
} from "./core/tools/tool.ts";
export type { ToolClass } from "./core/tools/tool-class.ts";
export type { BaseCallParams } from "./core/call-params.ts";
export { mergeParams, type Params, type ThinkingLevel, type ThinkingParams } from "./core/params.ts";
export { definedFields, thinkingBudget, THINKING_BUDGETS } from "./core/params-conversion.ts";
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
export type { OutputContext, ProviderDefinition, SetupCallContext, SetupCallResult } from "./core/provider-definition.ts";
export type { ProviderTypes } from "./core/provider-types.ts";
export type { ProviderRequest } from "./http/send-request.ts";
export type { StructuredSpec } from "./core/structured/structured-spec.ts";
export type { Prompt } from "./core/normalize-prompt.ts";
export { commonToolMessageParams, toolOutputText } from "./core/tools/common-messages.ts";
export { StructuredStream, type DeepPartial } from "./core/structured/structured-stream.ts";
export { isBaseMessageParam } from "./core/message-param.ts";
export type { BaseMessageParam, ContentPart } from "./core/message-param.ts";
export { withRetry, retryDelayMs, parseRetryAfter, isRetryableStatus, isRetryableError, type RetryOptions } from "./http/retry.ts";
export { readEnv } from "./http/env.ts";
export { apiErrorFromResponse, type ApiErrorFromResponseInit } from "./http/api-error-from-response.ts";
export { redactSecrets, redactDeep, REDACTED } from "./errors/redact-secrets.ts";
export { registerPrices } from "./core/cost/find-prices.ts";
export type { ModelPriceMap, ModelPrices, PriceLoader, PriceRates, PriceSources, PriceTable, PriceTier } from "./core/cost/prices.ts";
export { PRICES, PRICE_TABLES, computeCost, findPrices } from "./llm/prices.ts";
export { addUsage, type Usage } from "./core/usage.ts";
export { toStrictJsonSchema, restoreOptional } from "./core/structured/strict-json-schema.ts";
export { PartialJsonParser } from "./core/structured/partial-json.ts";
export { sseEvents, type SseEventsOptions } from "./web-streams/sse-events.ts";
export type { SseEvent } from "./web-streams/sse-decoder.ts";
export { iterateStream } from "./web-streams/read-stream.ts";
export { toReadableStream } from "./web-streams/to-readable-stream.ts";
export { encodeSseEvent } from "./web-streams/encode-sse-event.ts";
export { eventStreamResponse, textResponse } from "./web-streams/response.ts";
export { checkBrowserKey, isBrowserRuntime, type BrowserKeyCheck } from "./providers/openai/browser-guard.ts";
