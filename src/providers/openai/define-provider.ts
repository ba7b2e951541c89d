import type { ProviderDefinition } from "../../core/provider-definition";
import type { ChatCompletionMessageParam } from "./api";
import type { OpenAICallParams } from "./call-params";
import { OpenAICallResponse } from "./call-response";
import type { OpenAICallResponseChunk } from "./call-response-chunk";
import type { OpenAIClientOptions } from "./client";
import { getJsonOutput } from "./get-json-output";
import { createHandleStream } from "./handle-stream";
import type { OpenAIProviderSettings } from "./provider-settings";
import { createSetupCall, type OpenAIExtraOptions } from "./setup-call";
import { OpenAIStream } from "./stream";
import { OPENAI_PRICES } from "./prices";
import { OpenAITool } from "./tool";

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
    prices: OPENAI_PRICES,
    setupCall: createSetupCall(settings),
    getJsonOutput: getJsonOutput as OpenAIProviderDefinition["getJsonOutput"],
    handleStream: createHandleStream(settings.name),
    // Error mapping loads with the first failed request.
    toError: async (response, bodyText, secrets) =>
      (await import("./to-error")).createToError(settings.name)(response, bodyText, secrets),
  };
}
