import { callFactory } from "../../core/call-factory.ts";
import { vertexAnthropicProvider } from "./anthropic-provider.ts";
import { vertexGeminiProvider } from "./gemini-provider.ts";

/** `vertex.call(options, fn)`: a Gemini call on Vertex AI, built with `callFactory`. */
export const vertexCall = /* @__PURE__ */ callFactory(vertexGeminiProvider);

/** `vertexAnthropic.call(options, fn)`: a Claude call on Vertex AI, built with `callFactory`. */
export const vertexAnthropicCall = /* @__PURE__ */ callFactory(vertexAnthropicProvider);
