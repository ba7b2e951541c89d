import type { ProviderDefinition } from "../../core/provider-definition.ts";
import type { ProviderTypes } from "../../core/provider-types.ts";
import type { GoogleCallParams } from "../google/call-params.ts";
import { GoogleCallResponse, type GoogleMessageParam } from "../google/call-response.ts";
import type { GoogleCallResponseChunk } from "../google/call-response-chunk.ts";
import { getJsonOutput } from "../google/get-json-output.ts";
import { handleStream } from "../google/handle-stream.ts";
import { toError } from "../google/provider.ts";
import type { GoogleCallExtra } from "../google/setup-call.ts";
import { GoogleStream } from "../google/stream.ts";
import { GoogleTool } from "../google/tool.ts";
import type { VertexClientOptions } from "./client.ts";
import { setupGeminiCall } from "./gemini-setup-call.ts";
import { VERTEX_PRICES } from "./prices.ts";

/** The types of Gemini on Vertex AI: Google's, with Vertex's client options. */
export interface VertexGeminiTypes extends ProviderTypes {
  CallParams: GoogleCallParams;
  Client: VertexClientOptions;
  MessageParam: GoogleMessageParam;
  Response: GoogleCallResponse;
  Chunk: GoogleCallResponseChunk;
  Stream: GoogleStream;
  Extra: GoogleCallExtra;
}

/**
 * Gemini on Vertex AI: the Google provider's classes, stream decoding and error mapping (Vertex
 * answers with the Gemini API's bodies and error envelope), with Vertex's URL, auth and prices.
 */
export const vertexGeminiProvider: ProviderDefinition<VertexGeminiTypes> = {
  name: "vertex",
  responseClass: GoogleCallResponse,
  streamClass: GoogleStream,
  toolClass: GoogleTool,
  setupCall: setupGeminiCall,
  getJsonOutput,
  handleStream,
  toError,
  prices: VERTEX_PRICES,
};
