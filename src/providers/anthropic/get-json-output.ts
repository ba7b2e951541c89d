import { extractJsonText } from "../../core/structured/extract-json-text.ts";
import type { OutputContext } from "../../core/provider-definition.ts";
import { AnthropicCallResponseChunk } from "./call-response-chunk.ts";
import type { AnthropicCallResponse } from "./call-response.ts";

/**
 * The JSON text of a `responseModel`/`jsonMode` output. A response: the forced tool's input ("tool"
 * mode), or the JSON in the text ("json" mode). A chunk: the JSON delta its event adds (the forced
 * tool's `partial_json`, or the text delta's part that belongs to the JSON value).
 */
export function getJsonOutput(output: AnthropicCallResponse | AnthropicCallResponseChunk, ctx: OutputContext): string {
  if (output instanceof AnthropicCallResponseChunk) return output.jsonDelta;
  if (ctx.structuredMode === "tool" && ctx.structured) {
    const name = ctx.structured.name;
    const block = output.raw.content?.find((b) => b.type === "tool_use" && b.name === name);
    if (block && block.type === "tool_use") return JSON.stringify(block.input ?? {});
  }
  return extractJsonText(output.content);
}
