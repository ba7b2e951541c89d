import { vertexAnthropicCall, vertexCall } from "./call.ts";

/**
 * The Vertex provider for a model id, by its publisher: Claude models (`claude-…`) go to Anthropic
 * on Vertex, every other model to Gemini. What `llm.call({ model: "vertex/…" })` uses.
 */
export function vertexForModel(model: string): { name: string; call: typeof vertexCall | typeof vertexAnthropicCall } {
  return /^claude-/i.test(model) ? { name: "vertex-anthropic", call: vertexAnthropicCall } : { name: "vertex", call: vertexCall };
}
