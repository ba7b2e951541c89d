import type { OutputContext } from "../../core/provider-definition.ts";
import type { GooglePart } from "./api.ts";
import type { GoogleCallResponseChunk } from "./call-response-chunk.ts";
import type { GoogleCallResponse } from "./call-response.ts";

/**
 * The JSON text of a response (or the JSON a chunk adds) for `jsonMode` / `responseModel`: the text,
 * or with the "tool" mode the arguments of the forced function call, which Gemini sends whole.
 */
export function getJsonOutput(responseOrChunk: GoogleCallResponse | GoogleCallResponseChunk, ctx: OutputContext): string {
  if (ctx.structuredMode === "tool" && ctx.structured) return toolArgs(responseOrChunk.parts, ctx.structured.name);
  return responseOrChunk.content;
}

function toolArgs(parts: readonly GooglePart[], name: string): string {
  const call = parts.find((p) => p.functionCall?.name === name)?.functionCall;
  return call ? JSON.stringify(call.args ?? {}) : "";
}
