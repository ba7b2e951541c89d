import { callFactory } from "../../core/call-factory.ts";
import { ANTHROPIC_PRICES } from "./prices.ts";
import type { AnthropicMessageParam } from "./api.ts";
import type { AnthropicCallParams } from "./call-params.ts";
import { AnthropicCallResponse } from "./call-response.ts";
import type { AnthropicCallResponseChunk } from "./call-response-chunk.ts";
import type { AnthropicClientOptions } from "./client.ts";
import { getJsonOutput } from "./get-json-output.ts";
import { handleStream } from "./handle-stream.ts";
import { setupCall } from "./setup-call.ts";
import { AnthropicStream } from "./stream.ts";
import { toError } from "./to-error.ts";
import { AnthropicTool } from "./tool.ts";

/** `anthropic.call(options, fn)`: turns a prompt function into a Messages API call. */
export const anthropicCall = callFactory<
  AnthropicCallParams,
  AnthropicClientOptions,
  AnthropicMessageParam,
  AnthropicCallResponse,
  AnthropicCallResponseChunk,
  AnthropicStream
>({
  name: "anthropic",
  responseClass: AnthropicCallResponse,
  streamClass: AnthropicStream,
  prices: ANTHROPIC_PRICES,
  toolClass: AnthropicTool,
  setupCall,
  getJsonOutput,
  handleStream,
  toError,
});
