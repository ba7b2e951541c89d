import { isBaseMessageParam } from "../../core/message-param.ts";
import { PromptcallError } from "../../errors/index.ts";
import type { ChatCompletionMessageParam } from "./api.ts";
import { convertParts } from "./convert-parts.ts";

/**
 * Converts a history that is not all text (see `convertMessages`): native messages, such as an
 * assistant turn with `tool_calls`, pass through; neutral messages with content parts are converted
 * by `convert-parts`.
 */
export function convertHistory(messages: readonly unknown[]): ChatCompletionMessageParam[] {
  const out: ChatCompletionMessageParam[] = [];
  for (const message of messages) {
    if (!isBaseMessageParam(message)) out.push(message as ChatCompletionMessageParam);
    else if (typeof message.content !== "string") {
      out.push(...convertParts(message.role, message.content));
    } else if (message.role === "tool") {
      throw new PromptcallError("A neutral tool message needs tool_result parts, not a string: use response.toolMessageParams(outputs).");
    } else out.push({ role: message.role, content: message.content } as ChatCompletionMessageParam);
  }
  return out;
}
