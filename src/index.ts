// `promptcall`: calls, prompts, tools, errors, `llm`. Re-exports only, and none of a lazily used
// module (esbuild loads up front every module a root re-export touches that any chunk uses): the
// custom-provider kit is `promptcall/provider`, the Worker side `promptcall/worker`, the page side
// `promptcall/browser`.
export { defineTool, BaseTool, type ToolCallData, type ToolDefinition, type ToolInstanceOf, type ToolOutput } from "./core/tools/tool.ts";
export { defineToolkit, type NamespacedTool, type Toolkit } from "./core/tools/define-toolkit.ts";
export type { ExecuteToolsOptions } from "./core/tools/execute-tools.ts";
export { runTools, type RunToolsOptions, type RunToolsResult, type RunToolsStep } from "./core/tools/run-tools.ts";
export type { ApproveTool } from "./core/tools/approval.ts";
export type { ClientOptions } from "./http/client-options.ts";
export type { Params, ThinkingLevel, ThinkingParams } from "./core/params.ts";
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
export type { StructuredStream, DeepPartial } from "./core/structured/structured-stream.ts";
export { responseOf, isCallResponse } from "./core/structured/response-of.ts";
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
export type { Prompt } from "./core/normalize-prompt.ts";
export { prompt } from "./core/prompt/prompt.ts";
export { promptTemplate, type PromptTemplate } from "./core/prompt/prompt-template.ts";
export type { TemplateVariables, TemplateValue, HistoryMessage } from "./core/prompt/template-types.ts";
export { messages, type MessageContent } from "./core/prompt/messages.ts";
export { audio, document, image, sniffMediaType, text, type MediaSource } from "./core/prompt/parts.ts";
export * from "./errors/index.ts";
export type { RetryOptions } from "./http/retry.ts";
export { computeCost } from "./llm/prices.ts";
export { registerPrices } from "./core/cost/find-prices.ts";
export type { ModelPrices, PriceTier } from "./core/cost/prices.ts";
export type { Usage } from "./core/usage.ts";
export { jsonSchema, toJsonSchema, validateSchema, type InferSchema, type JsonSchema, type SchemaLike } from "./core/structured/schema.ts";
export * from "./llm/index.ts";
export {
  defineMiddleware,
  type AnyMiddleware,
  type Middleware,
  type MiddlewareContext,
  type RetryEvent,
  type StreamEnd,
} from "./core/middleware/middleware.ts";
export { useMiddleware } from "./core/middleware/registry.ts";
export { withMiddleware } from "./core/middleware/with-middleware.ts";
export { logCalls, type CallLogLine, type LogCallsOptions } from "./core/middleware/log-calls.ts";
