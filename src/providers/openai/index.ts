// Public API of `promptcall/openai`: the OpenAI provider, its classes and types, and OpenAI-compatible presets.
import { openaiCall } from "./call.ts";

/** The OpenAI provider: `openai.call(options, fn)` (Chat Completions, or `api: "responses"`). */
export const openai = { name: "openai", call: openaiCall } as const;

export { openaiCall, openaiProvider, OPENAI_SETTINGS, type OpenAICall } from "./call.ts";
export { getJsonOutput } from "./get-json-output.ts";
export { createSetupCall } from "./setup-call.ts";
export { createHandleStream } from "./handle-stream.ts";
export { OpenAICallResponse } from "./call-response.ts";
export { OpenAICallResponseChunk, type OpenAIRawChunk } from "./call-response-chunk.ts";
export { OpenAIStream } from "./stream.ts";
export { OpenAITool } from "./tool.ts";
export type { OpenAICallParams } from "./call-params.ts";
export type { OpenAIDynamicConfig } from "./dynamic-config.ts";
export type { OpenAIClientOptions } from "./client.ts";
export type { OpenAIExtraOptions } from "./setup-call.ts";
export type { OpenAIRawResponse } from "./assistant-turn.ts";
export type { OpenAIEndpoint, OpenAIProviderSettings } from "./provider-settings.ts";
export { defineOpenAIProvider, type OpenAIProviderDefinition } from "./define-provider.ts";
export { openaiSupportsJsonSchema } from "./supports-json-schema.ts";
export { openaiCompatible, type OpenAICompatibleOptions, type OpenAICompatibleProvider } from "./services/compatible.ts";
export { azureOpenAI, AZURE_OPENAI_API_VERSION, type AzureOpenAIOptions } from "./services/azure.ts";
export { groq, xai, deepseek, openrouter, together, mistral, ollama } from "./services/presets.ts";
export type * from "./api.ts";
export type * from "./responses/api.ts";
export { OPENAI_PRICES } from "./prices.ts";
