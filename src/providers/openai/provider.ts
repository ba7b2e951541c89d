import type { ProviderDefinition } from "../../core/provider-definition.ts";
import type { ProviderTypes } from "../../core/provider-types.ts";
import type { APIError } from "../../errors/api-error.ts";
import type { ChatCompletionMessageParam } from "./api.ts";
import type { OpenAICallParams } from "./call-params.ts";
import { OpenAICallResponse } from "./call-response.ts";
import type { OpenAICallResponseChunk } from "./call-response-chunk.ts";
import type { OpenAIClientOptions } from "./client.ts";
import { getJsonOutput } from "./get-json-output.ts";
import { createHandleStream } from "./handle-stream.ts";
import { OPENAI_PRICES } from "./prices.ts";
import type { OpenAIProviderSettings } from "./provider-settings.ts";
import { failures } from "./seams.ts";
import { createSetupCall, type OpenAIExtraOptions } from "./setup-call.ts";
import { OpenAIStream } from "./stream.ts";
import { OpenAITool } from "./tool.ts";
import { OPENAI_SETTINGS } from "./settings.ts";

/** The types the OpenAI provider (Chat Completions) is made of. */
export interface OpenAITypes extends ProviderTypes {
  CallParams: OpenAICallParams;
  Client: OpenAIClientOptions;
  MessageParam: ChatCompletionMessageParam;
  Response: OpenAICallResponse;
  Chunk: OpenAICallResponseChunk;
  Stream: OpenAIStream;
  Extra: OpenAIExtraOptions;
}

/** The provider definition shared by OpenAI and every OpenAI-compatible service (Chat Completions). */
export type OpenAIProviderDefinition = ProviderDefinition<OpenAITypes>;

/** Builds the `toError` hook of a provider with this name (the mapping loads with the first failed request). */
export function createToError(provider: string) {
  return async (response: Response, bodyText: string, secrets: readonly string[]): Promise<APIError> =>
    (await failures()).responseErrorFor(provider)(response, bodyText, secrets);
}

/** The Chat Completions classes and hooks of an OpenAI-API provider, for `callFactory`. */
export function defineOpenAIProvider(settings: OpenAIProviderSettings): OpenAIProviderDefinition {
  return {
    name: settings.name,
    responseClass: OpenAICallResponse,
    streamClass: OpenAIStream,
    toolClass: OpenAITool,
    prices: settings.prices ?? OPENAI_PRICES,
    setupCall: createSetupCall(settings),
    getJsonOutput,
    handleStream: createHandleStream(settings.name),
    toError: createToError(settings.name),
  };
}

/** OpenAI's provider definition (Chat Completions): its classes and hooks. */
export const openaiProvider = /* @__PURE__ */ defineOpenAIProvider(OPENAI_SETTINGS);

/** OpenAI's `setupCall` hook (Chat Completions). */
export const setupCall = openaiProvider.setupCall;
/** OpenAI's `handleStream` hook (Chat Completions). */
export const handleStream = openaiProvider.handleStream;
/** OpenAI's `toError` hook. */
export const toError = openaiProvider.toError!;
