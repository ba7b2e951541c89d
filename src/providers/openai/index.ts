// Public API of `promptcall/openai`: the OpenAI provider, its classes and types, and OpenAI-compatible presets.
import { openaiCall } from "./call";

/** The OpenAI provider: `openai.call(options, fn)` (Chat Completions, or `api: "responses"`). */
export const openai = { name: "openai", call: openaiCall } as const;

export { openaiCall, openaiProvider, OPENAI_SETTINGS, type OpenAICall } from "./call";
export { getJsonOutput } from "./get-json-output";
export { createSetupCall } from "./setup-call";
export { createHandleStream } from "./handle-stream";
export { OpenAICallResponse } from "./call-response";
export { OpenAICallResponseChunk, type OpenAIRawChunk } from "./call-response-chunk";
export { OpenAIStream } from "./stream";
export { OpenAITool } from "./tool";
export type { OpenAICallParams } from "./call-params";
export type { OpenAIDynamicConfig } from "./dynamic-config";
export type { OpenAIClientOptions } from "./client";
export type { OpenAIExtraOptions } from "./setup-call";
export type { OpenAIRawResponse } from "./assistant-turn";
export type { OpenAIEndpoint, OpenAIProviderSettings } from "./provider-settings";
export { defineOpenAIProvider, type OpenAIProviderDefinition } from "./define-provider";
export { openaiSupportsJsonSchema } from "./supports-json-schema";
export { openaiCompatible, type OpenAICompatibleOptions, type OpenAICompatibleProvider } from "./compatible";
export { azureOpenAI, AZURE_OPENAI_API_VERSION, type AzureOpenAIOptions } from "./azure";
export { groq, xai, deepseek, openrouter, together, mistral, ollama } from "./presets";
export type * from "./api";
export type * from "./responses-api";
export { OPENAI_PRICES } from "./prices";
