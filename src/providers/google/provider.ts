import type { ProviderDefinition } from "../../core/provider-definition.ts";
import type { ProviderTypes } from "../../core/provider-types.ts";
import type { PromptcallError } from "../../errors/promptcall-error.ts";
import type { GoogleCallParams } from "./call-params.ts";
import { GoogleCallResponse, type GoogleMessageParam } from "./call-response.ts";
import type { GoogleCallResponseChunk } from "./call-response-chunk.ts";
import type { GoogleClientOptions } from "./client.ts";
import { getJsonOutput } from "./get-json-output.ts";
import { handleStream } from "./handle-stream.ts";
import { GOOGLE_PRICES } from "./prices.ts";
import { failures } from "./seams.ts";
import { setupCall, type GoogleCallExtra } from "./setup-call.ts";
import { GoogleStream } from "./stream.ts";
import { GoogleTool } from "./tool.ts";

/**
 * The `toError` hook: a failed Gemini response as the right `APIError` subclass (envelope message and
 * status, `RetryInfo` as `retryAfterMs`, per-day quotas not retryable, `API_KEY_INVALID` as
 * `AuthenticationError`). The mapping loads with the first failed request.
 */
export async function toError(response: Response, bodyText: string, secrets: readonly string[]): Promise<PromptcallError> {
  return (await failures()).responseError(response, bodyText, secrets);
}

/** The types the Google provider is made of. */
export interface GoogleTypes extends ProviderTypes {
  CallParams: GoogleCallParams;
  Client: GoogleClientOptions;
  MessageParam: GoogleMessageParam;
  Response: GoogleCallResponse;
  Chunk: GoogleCallResponseChunk;
  Stream: GoogleStream;
  Extra: GoogleCallExtra;
}

/** Google's provider definition: its classes and hooks, for `callFactory`. */
export const googleProvider: ProviderDefinition<GoogleTypes> = {
  name: "google",
  responseClass: GoogleCallResponse,
  streamClass: GoogleStream,
  toolClass: GoogleTool,
  prices: GOOGLE_PRICES,
  setupCall,
  getJsonOutput,
  handleStream,
  toError,
};
