import type { BaseCallParams } from "./call-params.ts";
import type { BaseCallResponse } from "./call-response.ts";
import type { BaseCallResponseChunk } from "./call-response-chunk.ts";
import type { ClientOptions } from "../http/client-options.ts";
import type { BaseStream } from "./stream.ts";

/**
 * The types a provider is made of, named in one bag: what `ProviderDefinition`, `callFactory`,
 * `ProviderCall` and `CallOptions` are generic over. Extend it and override the members you narrow.
 *
 * @example
 * interface ParrotTypes extends ProviderTypes {
 *   CallParams: ParrotCallParams; MessageParam: ParrotTurn;
 *   Response: ParrotCallResponse; Chunk: ParrotChunk; Stream: ParrotStream;
 * }
 */
export interface ProviderTypes {
  /** The provider's call parameters (`options.callParams`). */
  CallParams: BaseCallParams;
  /** The provider's client options (`options.client`). */
  Client: ClientOptions;
  /** The provider's own message format, accepted in prompts beside the neutral one. */
  MessageParam: unknown;
  /** What a non-streaming call returns. */
  Response: BaseCallResponse;
  /** One decoded piece of a stream. */
  Chunk: BaseCallResponseChunk;
  /** What a streaming call returns. */
  Stream: BaseStream;
  /** The provider's own call options beside the common ones (e.g. OpenAI's `api`). */
  Extra: {};
}
