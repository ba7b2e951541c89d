import type { BaseMessageParam } from "../message-param.ts";
import type { ToolOutput } from "./tool.ts";

/**
 * Serialises a tool's output as the text sent back to the model: a string as it is, bytes
 * (`Uint8Array`, also inside objects) as base64, anything else as JSON, `undefined` as "".
 */
export function toolOutputText(output: unknown): string {
  if (typeof output === "string") return output;
  if (output === undefined) return "";
  if (output instanceof Uint8Array) return bytesToBase64(output);
  return JSON.stringify(output, bytesAsBase64) ?? String(output);
}

/**
 * Base64 of bytes (`btoa`, in slices so large outputs do not overflow the call stack). Not core/base64.ts's
 * `bytesToBase64`: that module loads with the providers' request extras, and sharing it with this eager
 * module gave it an up-front chunk of its own (~250 B gzip).
 */
function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function bytesAsBase64(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? bytesToBase64(value) : value;
}

/** A tool result as providers send it: the text, and whether it reports a failure. */
export interface ToolResultText {
  text: string;
  isError: boolean;
}

/** The text and error flag of one `[tool, output, error?]` entry (an error result's text says it failed). */
export function toolResultText(entry: ToolOutput): ToolResultText {
  if (entry.length > 2) return { text: toolErrorText(entry[2], entry[1]), isError: true };
  return { text: toolOutputText(entry[1]), isError: false };
}

/** The text an error result sends: the output when it is already text, else `Error: <message>`. */
export function toolErrorText(error: unknown, output?: unknown): string {
  if (typeof output === "string" && output !== "") return output;
  const message = error instanceof Error ? error.message : String(error);
  return `Error: ${message}`;
}

/** Tool results as provider-neutral `tool` messages. */
export function commonToolMessageParams(outputs: readonly ToolOutput[]): BaseMessageParam[] {
  return outputs.map((entry) => {
    const { text, isError } = toolResultText(entry);
    const part = { type: "tool_result" as const, toolCallId: entry[0].id, name: entry[0].name, content: text };
    return { role: "tool" as const, content: [isError ? { ...part, isError } : part] };
  });
}
