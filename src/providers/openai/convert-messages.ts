import type { ChatCompletionMessageParam } from "./api";

/**
 * Converts a history to Chat Completions messages. Provider-neutral messages are converted; native
 * `ChatCompletionMessageParam`s (anything else) pass through unchanged, so `messageParam` and
 * `toolMessageParams` round-trip exactly. A text message (string content, not a tool result) is the
 * same in both formats and passes through here; any other history is converted by
 * `convert-history`, imported the first time a call has one.
 */
type Message = { role?: unknown; content?: unknown } | null;

export async function convertMessages(messages: readonly unknown[]): Promise<ChatCompletionMessageParam[]> {
  const text = messages.every((m) => typeof (m as Message)?.content === "string" && (m as Message)?.role !== "tool");
  return text ? (messages.slice() as ChatCompletionMessageParam[]) : (await import("./convert-history")).convertHistory(messages);
}
