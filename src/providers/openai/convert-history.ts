import { isBaseMessageParam } from "../../core/message-param";
import { PromptcallError } from "../../errors/promptcall-error";
import type { ChatCompletionMessageParam } from "./api";
import { convertParts } from "./convert-parts";

/** Converts a history with content parts or tool messages (see `convertMessages`). */
export function convertHistory(messages: readonly unknown[]): ChatCompletionMessageParam[] {
  const out: ChatCompletionMessageParam[] = [];
  for (const message of messages) {
    if (!isBaseMessageParam(message)) out.push(message as ChatCompletionMessageParam);
    else if (typeof message.content !== "string") out.push(...convertParts(message.role, message.content));
    else if (message.role === "tool") {
      throw new PromptcallError("A neutral tool message needs tool_result parts, not a string: use response.toolMessageParams(outputs).");
    } else out.push({ role: message.role, content: message.content } as ChatCompletionMessageParam);
  }
  return out;
}
