import type { ProviderDefinition } from "../../../core/provider-definition.ts";
import type { ProviderTypes } from "../../../core/provider-types.ts";
import { getJsonOutput } from "../get-json-output.ts";
import { OPENAI_PRICES } from "../prices.ts";
import { createToError, type OpenAITypes } from "../provider.ts";
import type { OpenAIProviderSettings } from "../provider-settings.ts";
import { createSetupCall } from "../setup-call.ts";
import type { OpenAIResponsesChunk } from "./call-response-chunk.ts";
import { OpenAIResponsesCallResponse } from "./call-response.ts";
import { handleResponsesStream } from "./handle-stream.ts";
import { toResponsesBody } from "./request-body.ts";
import { OpenAIResponsesStream } from "./stream.ts";
import { OpenAITool } from "../tool.ts";

/** The types of the Responses API protocol (the rest is OpenAI's). */
export interface OpenAIResponsesTypes extends ProviderTypes {
  CallParams: OpenAITypes["CallParams"];
  Client: OpenAITypes["Client"];
  MessageParam: OpenAITypes["MessageParam"];
  Extra: OpenAITypes["Extra"];
  Response: OpenAIResponsesCallResponse;
  Chunk: OpenAIResponsesChunk;
  Stream: OpenAIResponsesStream;
}

/**
 * The Responses API provider definition of an OpenAI-API provider: the Chat Completions one with this
 * protocol's request (`/responses`, the body from `toResponsesBody`), response, stream and decoder.
 */
export function defineResponsesProvider(settings: OpenAIProviderSettings): ProviderDefinition<OpenAIResponsesTypes> {
  return {
    name: settings.name,
    toolClass: OpenAITool,
    prices: settings.prices ?? OPENAI_PRICES,
    toError: createToError(settings.name),
    getJsonOutput,
    responseClass: OpenAIResponsesCallResponse,
    streamClass: OpenAIResponsesStream,
    setupCall: createSetupCall(settings, { endpoint: "responses", toBody: toResponsesBody }),
    handleStream: (body, ctx) => handleResponsesStream(body, ctx, settings.name),
  };
}
