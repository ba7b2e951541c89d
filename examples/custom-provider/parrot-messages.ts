import type { BaseMessageParam, ToolOutput } from "promptcall";
import { isBaseMessageParam, toolOutputText } from "promptcall/provider";
import type { ParrotTurn } from "./wire.ts";

/** Converts neutral messages (and Parrot's own turns, passed through) to Parrot turns. */
export function toParrotTurns(messages: readonly unknown[]): ParrotTurn[] {
  return messages.flatMap((m) => (isBaseMessageParam(m) ? fromNeutral(m) : [m as ParrotTurn]));
}

function fromNeutral(m: BaseMessageParam): ParrotTurn[] {
  const speaker = ({ system: "system", user: "human", assistant: "bot", tool: "tool" } as const)[m.role];
  if (typeof m.content === "string") return [{ speaker, text: m.content }];
  const turns: ParrotTurn[] = [];
  let text = "";
  const calls: NonNullable<ParrotTurn["calls"]> = [];
  for (const part of m.content) {
    if (part.type === "text") text += part.text;
    else if (part.type === "tool_call") calls.push({ ref: part.id, fn: part.name, input: part.args });
    else if (part.type === "tool_result") turns.push({ speaker: "tool", text: part.content, callId: part.toolCallId });
    else throw new TypeError(`Parrot does not accept ${part.type} parts.`);
  }
  if (text || calls.length) turns.unshift({ speaker, text, ...(calls.length ? { calls } : {}) });
  return turns;
}

/** Tool results as Parrot turns. */
export function parrotToolTurns(outputs: readonly ToolOutput[]): ParrotTurn[] {
  return outputs.map(([tool, output]) => ({ speaker: "tool", text: toolOutputText(output), callId: tool.id }));
}
