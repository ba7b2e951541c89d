import type { ProviderDefinition } from "../../core/provider-definition.ts";
import type { ChatCompletionMessageParam } from "./api.ts";
import type { OpenAICallParams } from "./call-params.ts";
import { OpenAICallResponse } from "./call-response.ts";
import type { OpenAICallResponseChunk } from "./call-response-chunk.ts";
import type { OpenAIClientOptions } from "./client.ts";
import { getJsonOutput } from "./get-json-output.ts";
import { createHandleStream } from "./handle-stream.ts";
import type { OpenAIProviderSettings } from "./provider-settings.ts";
import { createSetupCall, type OpenAIExtraOptions } from "./setup-call.ts";
import { OpenAIStream } from "./stream.ts";
import { OPENAI_PRICES } from "./prices.ts";
import { OpenAITool } from "./tool.ts";

/** The provider definition shared by OpenAI and every OpenAI-compatible service. */
export type OpenAIProviderDefinition = ProviderDefinition<
  OpenAICallParams,
  OpenAIClientOptions,
  ChatCompletionMessageParam,
  OpenAICallResponse,
  OpenAICallResponseChunk,
  OpenAIStream,
  OpenAIExtraOptions
>;

/** The classes and hooks of an OpenAI-API provider, for `callFactory`. */
export function defineOpenAIProvider(settings: OpenAIProviderSettings): OpenAIProviderDefinition {
  return {
    name: settings.name,
    responseClass: OpenAICallResponse,
    streamClass: OpenAIStream,
    toolClass: OpenAITool,
    prices: settings.prices ?? OPENAI_PRICES,
    setupCall: createSetupCall(settings),
    getJsonOutput: getJsonOutput as OpenAIProviderDefinition["getJsonOutput"],
    handleStream: createHandleStream(settings.name),
    // Error mapping loads with the first failed request.
    toError: async (response, bodyText, secrets) =>
      (await import("./to-error.ts")).createToError(settings.name)(response, bodyText, secrets),
  };
}
