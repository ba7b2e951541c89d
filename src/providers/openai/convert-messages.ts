import type { ChatCompletionMessageParam } from "./api.ts";
import { requestExtras } from "./seams.ts";

type Message = { role?: unknown; content?: unknown } | null;

/**
 * Converts a history to Chat Completions messages. Provider-neutral messages are converted; native
 * `ChatCompletionMessageParam`s (anything else) pass through unchanged, so `messageParam` and
 * `toolMessageParams` round-trip exactly. Two kinds pass through here: a text message (string
 * content, not a tool result), the same in both formats, and a message with fields other than
 * `role` and `content` (`tool_calls`, `tool_call_id` …), which is native. Any other history is
 * converted by `convert-history` (in the `request-extras` seam), loaded the first time a call has one. A history that needs no
 * conversion comes back as it is (not copied): the caller builds the body's own array from it.
 */
export async function convertMessages(messages: readonly unknown[]): Promise<readonly ChatCompletionMessageParam[]> {
  return messages.every(passesThrough)
    ? (messages as readonly ChatCompletionMessageParam[])
    : (await requestExtras()).convertHistory(messages);
}

function passesThrough(message: unknown): boolean {
  const m = message as Message;
  if (typeof m !== "object" || m === null) return false;
  return (typeof m.content === "string" && m.role !== "tool") || Object.keys(m).some((k) => k !== "role" && k !== "content");
}
