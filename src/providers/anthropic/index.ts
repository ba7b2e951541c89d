/**
 * The Anthropic provider (`promptcall/anthropic`): Claude through the Messages API.
 *
 * @example
 * import { anthropic } from "promptcall/anthropic";
 * const recommend = anthropic.call({ model: "claude-haiku-4-5" }, (genre: string) => `Recommend a ${genre} book`);
 * (await recommend("fantasy")).content;
 */
import { anthropicCall } from "./call";

/** The Anthropic provider: `anthropic.call(options, fn)`. */
export const anthropic = { name: "anthropic", call: anthropicCall } as const;

export { anthropicCall } from "./call";
export { AnthropicCallResponse } from "./call-response";
export { AnthropicCallResponseChunk, type AnthropicChunkExtras } from "./call-response-chunk";
export { AnthropicStream } from "./stream";
export { AnthropicTool } from "./tool";
export type { AnthropicCallParams } from "./call-params";
export type { AnthropicDynamicConfig } from "./dynamic-config";
export {
  resolveAnthropicClient,
  ANTHROPIC_API_KEY_ENV,
  ANTHROPIC_BASE_URL,
  ANTHROPIC_VERSION,
  type AnthropicClientOptions,
  type ResolvedAnthropicClient,
} from "./client";
export type { ConvertedMessages } from "./convert-messages";
export { convertUsage } from "./convert-usage";
export { defaultMaxTokens } from "./default-max-tokens";
export { mapFinishReason as mapAnthropicFinishReason } from "./map-finish-reason";
export type * from "./api";
export { setupCall } from "./setup-call";
export { getJsonOutput } from "./get-json-output";
export { handleStream } from "./handle-stream";
export { toError } from "./to-error";
export { ANTHROPIC_PRICES } from "./prices";
