/**
 * The Anthropic provider (`promptcall/anthropic`): Claude through the Messages API.
 *
 * @example
 * import { anthropic } from "promptcall/anthropic";
 * const recommend = anthropic.call({ model: "claude-haiku-4-5" }, (genre: string) => `Recommend a ${genre} book`);
 * (await recommend("fantasy")).content;
 */
import { anthropicCall } from "./call.ts";

/** The Anthropic provider: `anthropic.call(options, fn)`. */
export const anthropic = { name: "anthropic", call: anthropicCall } as const;

export { anthropicCall } from "./call.ts";
export { AnthropicCallResponse } from "./call-response.ts";
export { AnthropicCallResponseChunk, type AnthropicChunkExtras } from "./call-response-chunk.ts";
export { AnthropicStream } from "./stream.ts";
export { AnthropicTool } from "./tool.ts";
export type { AnthropicCallParams } from "./call-params.ts";
export type { AnthropicDynamicConfig } from "./dynamic-config.ts";
export {
  resolveAnthropicClient,
  ANTHROPIC_API_KEY_ENV,
  ANTHROPIC_BASE_URL,
  ANTHROPIC_VERSION,
  type AnthropicClientOptions,
  type ResolvedAnthropicClient,
} from "./client.ts";
export type { ConvertedMessages } from "./convert-messages.ts";
export { convertUsage } from "./convert-usage.ts";
export { defaultMaxTokens } from "./default-max-tokens.ts";
export { mapFinishReason } from "./map-finish-reason.ts";
export type * from "./api.ts";
export { setupCall } from "./setup-call.ts";
export { getJsonOutput } from "./get-json-output.ts";
export { handleStream } from "./handle-stream.ts";
export { anthropicProvider, toError, type AnthropicTypes } from "./provider.ts";
export { ANTHROPIC_PRICES } from "./prices.ts";
