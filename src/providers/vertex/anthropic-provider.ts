import type { ProviderDefinition } from "../../core/provider-definition.ts";
import type { ProviderTypes } from "../../core/provider-types.ts";
import type { AnthropicMessageParam } from "../anthropic/api.ts";
import type { AnthropicCallParams } from "../anthropic/call-params.ts";
import { AnthropicCallResponse } from "../anthropic/call-response.ts";
import type { AnthropicCallResponseChunk } from "../anthropic/call-response-chunk.ts";
import { getJsonOutput } from "../anthropic/get-json-output.ts";
import { handleStream } from "../anthropic/handle-stream.ts";
import { toError } from "../anthropic/provider.ts";
import { AnthropicStream } from "../anthropic/stream.ts";
import { AnthropicTool } from "../anthropic/tool.ts";
import { setupAnthropicCall, type VertexAnthropicClientOptions } from "./anthropic-setup-call.ts";
import { VERTEX_ANTHROPIC_PRICES } from "./prices.ts";

/** The types of Claude on Vertex AI: Anthropic's, with Vertex's client options. */
export interface VertexAnthropicTypes extends ProviderTypes {
  CallParams: AnthropicCallParams;
  Client: VertexAnthropicClientOptions;
  MessageParam: AnthropicMessageParam;
  Response: AnthropicCallResponse;
  Chunk: AnthropicCallResponseChunk;
  Stream: AnthropicStream;
}

/**
 * Claude on Vertex AI: the Anthropic provider's classes, stream decoding and error mapping (Vertex
 * answers with the Messages API's bodies and events), with Vertex's URL, body, auth and prices.
 */
export const vertexAnthropicProvider: ProviderDefinition<VertexAnthropicTypes> = {
  name: "vertex-anthropic",
  responseClass: AnthropicCallResponse,
  streamClass: AnthropicStream,
  toolClass: AnthropicTool,
  setupCall: setupAnthropicCall,
  getJsonOutput,
  handleStream,
  toError,
  prices: VERTEX_ANTHROPIC_PRICES,
};
