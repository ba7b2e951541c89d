import type { ProviderDefinition } from "../../core/provider-definition.ts";
import type { ProviderTypes } from "../../core/provider-types.ts";
import type { PromptcallError } from "../../errors/promptcall-error.ts";
import type { BedrockMessageParam } from "./api.ts";
import type { BedrockCallParams } from "./call-params.ts";
import { BedrockCallResponse } from "./call-response.ts";
import type { BedrockCallResponseChunk } from "./call-response-chunk.ts";
import type { BedrockClientOptions } from "./client.ts";
import { getJsonOutput } from "./get-json-output.ts";
import { handleStream } from "./handle-stream.ts";
import { BEDROCK_PRICES } from "./prices.ts";
import { failures } from "./seams.ts";
import { setupCall } from "./setup-call.ts";
import { BedrockStream } from "./stream.ts";
import { BedrockTool } from "./tool.ts";

/** The `toError` hook: a failed Bedrock Runtime response as a typed error (the mapping loads with the first failure). */
export async function toError(response: Response, bodyText: string, secrets: readonly string[]): Promise<PromptcallError> {
  return (await failures()).responseError(response, bodyText, secrets);
}

/** The types the Bedrock provider is made of. */
export interface BedrockTypes extends ProviderTypes {
  CallParams: BedrockCallParams;
  Client: BedrockClientOptions;
  MessageParam: BedrockMessageParam;
  Response: BedrockCallResponse;
  Chunk: BedrockCallResponseChunk;
  Stream: BedrockStream;
}

/** Bedrock's provider definition: its classes and hooks, for `callFactory`. */
export const bedrockProvider: ProviderDefinition<BedrockTypes> = {
  name: "bedrock",
  responseClass: BedrockCallResponse,
  streamClass: BedrockStream,
  toolClass: BedrockTool,
  prices: BEDROCK_PRICES,
  setupCall,
  getJsonOutput,
  handleStream,
  toError,
};
