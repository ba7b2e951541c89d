// Public API of `promptcall/openai`: the OpenAI provider, its classes and types, and OpenAI-compatible presets.
import { openaiCall } from "./call.ts";

/** The OpenAI provider: `openai.call(options, fn)` (Chat Completions, or `api: "responses"`). */
export const openai = { name: "openai", call: openaiCall } as const;

export { openaiCall, createOpenAICall, OPENAI_SETTINGS, type OpenAICall } from "./call.ts";
export {
  openaiProvider,
  setupCall,
  handleStream,
  toError,
  defineOpenAIProvider,
  type OpenAIProviderDefinition,
  type OpenAITypes,
} from "./provider.ts";
export { getJsonOutput } from "./get-json-output.ts";
export { createSetupCall, type OpenAIExtraOptions, type OpenAIProtocol } from "./setup-call.ts";
export { createHandleStream } from "./handle-stream.ts";
export { mapFinishReason } from "./map-finish-reason.ts";
export { chatUsage as convertUsage } from "./convert-usage.ts";
export { OpenAICallResponse } from "./call-response.ts";
export { OpenAICallResponseChunk } from "./call-response-chunk.ts";
export { OpenAIStream, type OpenAIChunk } from "./stream.ts";
export { OpenAITool } from "./tool.ts";
export type { OpenAICallParams } from "./call-params.ts";
export type { OpenAIDynamicConfig } from "./dynamic-config.ts";
export type { OpenAIClientOptions } from "./client.ts";
export type { OpenAIRawResponse } from "./assistant-turn.ts";
export type { OpenAIEndpoint, OpenAIProviderSettings } from "./provider-settings.ts";
export { openaiSupportsJsonSchema } from "./supports-json-schema.ts";
export { openaiCompatible, type OpenAICompatibleOptions, type OpenAICompatibleProvider } from "./services/compatible.ts";
export { azureOpenAI, AZURE_OPENAI_API_VERSION, type AzureOpenAIOptions } from "./services/azure.ts";
export { groq, xai, deepseek, openrouter, together, mistral, ollama } from "./services/presets.ts";
export type * from "./api.ts";
export type * from "./responses/api.ts";
export type { OpenAIResponsesCallResponse } from "./responses/call-response.ts";
export type { OpenAIResponsesChunk } from "./responses/call-response-chunk.ts";
export type { OpenAIResponsesStream } from "./responses/stream.ts";
export { OPENAI_PRICES } from "./prices.ts";
