/**
 * The Amazon Bedrock provider (`promptcall/bedrock`): every Bedrock model through the Converse and
 * ConverseStream APIs, signed with SigV4 on WebCrypto.
 *
 * @example
 * import { bedrock } from "promptcall/bedrock";
 * const recommend = bedrock.call({ model: "anthropic.claude-3-5-haiku-20241022-v1:0" }, (genre: string) => `Recommend a ${genre} book`);
 * (await recommend("fantasy")).content;
 */
import { bedrockCall } from "./call.ts";

/** The Bedrock provider: `bedrock.call(options, fn)`. */
export const bedrock = { name: "bedrock", call: bedrockCall } as const;

export { bedrockCall } from "./call.ts";
export { BedrockCallResponse } from "./call-response.ts";
export { BedrockCallResponseChunk, type BedrockChunkExtras } from "./call-response-chunk.ts";
export { BedrockStream } from "./stream.ts";
export { BedrockTool } from "./tool.ts";
export type { BedrockCallParams } from "./call-params.ts";
export type { BedrockDynamicConfig } from "./dynamic-config.ts";
export {
  resolveBedrockClient,
  BEDROCK_ENV,
  type AwsCredentials,
  type BedrockClientOptions,
  type ResolvedBedrockClient,
} from "./client.ts";
export type { ConvertedMessages } from "./convert-messages.ts";
export { convertUsage } from "./convert-usage.ts";
export { mapFinishReason } from "./map-finish-reason.ts";
export type * from "./api.ts";
export { setupCall } from "./setup-call.ts";
export { getJsonOutput } from "./get-json-output.ts";
export { handleStream } from "./handle-stream.ts";
export { signRequest, type SignInput } from "./sign-request.ts";
export { createEventStreamDecoder, type EventStreamMessage, type EventStreamHeaderValue } from "./event-stream-decoder.ts";
export { bedrockProvider, toError, type BedrockTypes } from "./provider.ts";
export { BEDROCK_PRICES, BEDROCK_PRICE_SOURCES } from "./prices.ts";
