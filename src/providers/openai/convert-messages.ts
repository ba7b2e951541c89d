import { isBaseMessageParam } from "../../core/message-param";
import { PromptcallError } from "../../errors/promptcall-error";
import type { ChatCompletionMessageParam } from "./api";

/**
 * Converts a history to Chat Completions messages. Provider-neutral messages are converted; native
 * `ChatCompletionMessageParam`s (anything else) pass through unchanged, so `messageParam` and
 * `toolMessageParams` round-trip exactly. Messages with content parts (images, tool results …)
 * are converted by `convert-parts`, imported the first time a history has one.
 */
export async function convertMessages(messages: readonly unknown[]): Promise<ChatCompletionMessageParam[]> {
  const out: ChatCompletionMessageParam[] = [];
  for (const message of messages) {
    if (!isBaseMessageParam(message)) out.push(message as ChatCompletionMessageParam);
    else if (typeof message.content !== "string") {
      out.push(...(await import("./convert-parts")).convertParts(message.role, message.content));
    } else if (message.role === "tool") {
      throw new PromptcallError("A neutral tool message needs tool_result parts, not a string: use response.toolMessageParams(outputs).");
    } else out.push({ role: message.role, content: message.content } as ChatCompletionMessageParam);
  }
  return out;
}
