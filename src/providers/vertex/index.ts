/**
 * The Vertex AI provider (`promptcall/vertex`): Gemini (`vertex.call`) and Claude
 * (`vertexAnthropic.call`) on Google Cloud, with an access token or a service-account key.
 *
 * @example
 * import { vertex } from "promptcall/vertex";
 * const ask = vertex.call({ model: "gemini-2.5-flash", client: { project: "my-project", accessToken } }, (q: string) => q);
 */
import { vertexAnthropicCall, vertexCall } from "./call.ts";

/** Gemini on Vertex AI: `vertex.call(options, fn)`. */
export const vertex = { name: "vertex", call: vertexCall } as const;

/**
 * Claude on Vertex AI: `vertexAnthropic.call(options, fn)`. A separate object, so that a Gemini-only
 * program never bundles the Anthropic provider.
 */
export const vertexAnthropic = { name: "vertex-anthropic", call: vertexAnthropicCall } as const;

export { vertexCall, vertexAnthropicCall } from "./call.ts";
export { vertexForModel } from "./vertex-for-model.ts";
export type { VertexClientOptions } from "./client.ts";
export { type VertexAnthropicClientOptions, VERTEX_ANTHROPIC_VERSION } from "./anthropic-setup-call.ts";
export type { ServiceAccountKey } from "./service-account.ts";
export { serviceAccountToken, CLOUD_PLATFORM_SCOPE, GOOGLE_TOKEN_URL, type TokenOptions } from "./access-token.ts";
export { vertexBaseURL } from "./endpoint.ts";
export { vertexGeminiProvider, type VertexGeminiTypes } from "./gemini-provider.ts";
export { vertexAnthropicProvider, type VertexAnthropicTypes } from "./anthropic-provider.ts";
export { VERTEX_PRICES, VERTEX_ANTHROPIC_PRICES, VERTEX_PRICE_SOURCES } from "./prices.ts";
