import { callFactory } from "../../core/call-factory";
import { ANTHROPIC_PRICES } from "./prices";
import type { AnthropicMessageParam } from "./api";
import type { AnthropicCallParams } from "./call-params";
import { AnthropicCallResponse } from "./call-response";
import type { AnthropicCallResponseChunk } from "./call-response-chunk";
import type { AnthropicClientOptions } from "./client";
import { getJsonOutput } from "./get-json-output";
import { handleStream } from "./handle-stream";
import { setupCall } from "./setup-call";
import { AnthropicStream } from "./stream";
import { toError } from "./to-error";
import { AnthropicTool } from "./tool";

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
