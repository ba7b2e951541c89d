import { extractJsonText } from "../../core/structured/extract-json-text.ts";
import type { OutputContext } from "../../core/provider-definition.ts";
import { BedrockCallResponseChunk } from "./call-response-chunk.ts";
import type { BedrockCallResponse } from "./call-response.ts";

/**
 * The JSON text of a `responseModel`/`jsonMode` output. A response: the forced tool's input ("tool"
 * mode), or the JSON in the text ("json" mode). A chunk: the JSON delta its event adds (the forced
 * tool's input fragment, or the text delta's part that belongs to the JSON value).
 */
export function getJsonOutput(output: BedrockCallResponse | BedrockCallResponseChunk, ctx: OutputContext): string {
  if (output instanceof BedrockCallResponseChunk) return output.jsonDelta;
  if (ctx.structuredMode === "tool" && ctx.structured) {
    const name = ctx.structured.name;
    const call = output.toolCalls.find((c) => c.name === name);
    if (call) return typeof call.args === "string" ? call.args : JSON.stringify(call.args ?? {});
  }
  return extractJsonText(output.content);
}
