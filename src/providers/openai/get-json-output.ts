import type { OutputContext } from "../../core/provider-definition.ts";
import type { OpenAICallResponse } from "./call-response.ts";
import { OpenAICallResponseChunk } from "./call-response-chunk.ts";

/**
 * The JSON text of a structured call: the content (`json_schema` and JSON modes), or the arguments
 * of the forced tool call (tool mode). For a stream chunk, the piece of that text the chunk adds.
 */
export function getJsonOutput(responseOrChunk: OpenAICallResponse | OpenAICallResponseChunk, ctx: OutputContext): string {
  const toolMode = ctx.structuredMode === "tool";
  if (responseOrChunk instanceof OpenAICallResponseChunk) {
    return toolMode ? responseOrChunk.toolArgumentsDelta : responseOrChunk.content;
  }
  if (toolMode) {
    const calls = responseOrChunk.toolCalls;
    const call = calls.find((c) => c.name === ctx.structured?.name) ?? calls[0];
    if (call) return typeof call.args === "string" ? call.args : JSON.stringify(call.args);
  }
  return responseOrChunk.content;
}
