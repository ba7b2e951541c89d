import type { OutputContext } from "../../core/provider-definition.ts";
import { BaseCallResponseChunk } from "../../core/call-response-chunk.ts";
import type { OpenAICallResponse } from "./call-response.ts";

/** What a chunk of either API gives for JSON output. */
interface OpenAIJsonChunk extends BaseCallResponseChunk {
  readonly toolArgumentsDelta: string;
}

/**
 * The JSON text of a structured call: the content (`json_schema` and JSON modes), or the arguments
 * of the forced tool call (tool mode). For a stream chunk (of either API), the piece of that text the chunk adds.
 */
export function getJsonOutput(responseOrChunk: OpenAICallResponse | OpenAIJsonChunk, ctx: OutputContext): string {
  const toolMode = ctx.structuredMode === "tool";
  if (responseOrChunk instanceof BaseCallResponseChunk) {
    return toolMode ? responseOrChunk.toolArgumentsDelta : responseOrChunk.content;
  }
  if (toolMode) {
    const calls = responseOrChunk.toolCalls;
    const call = calls.find((c) => c.name === ctx.structured?.name) ?? calls[0];
    if (call) return typeof call.args === "string" ? call.args : JSON.stringify(call.args);
  }
  return responseOrChunk.content;
}
