import type { BaseMessageParam } from "../message-param.ts";
import type { ToolOutput } from "./tool.ts";

/** Serialises a tool's output as the text sent back to the model. */
export function toolOutputText(output: unknown): string {
  if (typeof output === "string") return output;
  if (output === undefined) return "";
  return JSON.stringify(output);
}

/** Tool results as provider-neutral `tool` messages. */
export function commonToolMessageParams(outputs: readonly ToolOutput[]): BaseMessageParam[] {
  return outputs.map(([tool, output]) => ({
    role: "tool" as const,
    content: [{ type: "tool_result" as const, toolCallId: tool.id, name: tool.name, content: toolOutputText(output) }],
  }));
}
