import type { ProviderDefinition } from "../../core/provider-definition.ts";
import type { ProviderTypes } from "../../core/provider-types.ts";
import type { PromptcallError } from "../../errors/promptcall-error.ts";
import type { AnthropicMessageParam } from "./api.ts";
import type { AnthropicCallParams } from "./call-params.ts";
import { AnthropicCallResponse } from "./call-response.ts";
import type { AnthropicCallResponseChunk } from "./call-response-chunk.ts";
import type { AnthropicClientOptions } from "./client.ts";
import { getJsonOutput } from "./get-json-output.ts";
import { handleStream } from "./handle-stream.ts";
import { ANTHROPIC_PRICES } from "./prices.ts";
import { failures } from "./seams.ts";
import { setupCall } from "./setup-call.ts";
import { AnthropicStream } from "./stream.ts";
import { AnthropicTool } from "./tool.ts";

/** The `toError` hook: a failed Messages API response as a typed error (the mapping loads with the first failure). */
export async function toError(response: Response, bodyText: string, secrets: readonly string[]): Promise<PromptcallError> {
  return (await failures()).responseError(response, bodyText, secrets);
}

/** The types the Anthropic provider is made of. */
export interface AnthropicTypes extends ProviderTypes {
  CallParams: AnthropicCallParams;
  Client: AnthropicClientOptions;
  MessageParam: AnthropicMessageParam;
  Response: AnthropicCallResponse;
  Chunk: AnthropicCallResponseChunk;
  Stream: AnthropicStream;
}

/** Anthropic's provider definition: its classes and hooks, for `callFactory`. */
export const anthropicProvider: ProviderDefinition<AnthropicTypes> = {
  name: "anthropic",
  responseClass: AnthropicCallResponse,
  streamClass: AnthropicStream,
  toolClass: AnthropicTool,
  prices: ANTHROPIC_PRICES,
  setupCall,
  getJsonOutput,
  handleStream,
  toError,
};
