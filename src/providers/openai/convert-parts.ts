import type { ContentPart, Role } from "../../core/message-param";
import { PromptcallError } from "../../errors/promptcall-error";
import type {
  ChatCompletionAssistantMessageParam,
  ChatCompletionContentPart,
  ChatCompletionMessageParam,
  ChatCompletionMessageToolCall,
  ChatCompletionToolMessageParam,
} from "./api";
import { convertUserPart, type NeutralUserPart } from "./convert-content";

/**
 * A provider-neutral message with content parts as Chat Completions messages: `tool_result` parts
 * become `role: "tool"` messages. `thinking` parts are dropped, except that an assistant turn with
 * tool calls keeps their text as `reasoning_content` (DeepSeek's thinking mode requires it back;
 * setupCall removes it for services that do not take it). Imported by `convert-history` only for
 * neutral messages that have parts.
 */
export function convertParts(role: Role, content: readonly ContentPart[]): ChatCompletionMessageParam[] {
  const results = toolResults(content);
  const rest = content.filter((part) => part.type !== "tool_result" && part.type !== "thinking");
  if (role === "assistant") return [...results, ...assistantMessage(rest, reasoningOf(content))];
  if (rest.length === 0) return results;
  if (role === "system") return [...results, { role: "system", content: textParts(rest, "system") }];
  return [...results, { role: "user", content: userParts(rest) }];
}

function toolResults(parts: readonly ContentPart[]): ChatCompletionToolMessageParam[] {
  const out: ChatCompletionToolMessageParam[] = [];
  for (const part of parts) {
    if (part.type === "tool_result") out.push({ role: "tool", tool_call_id: part.toolCallId, content: part.content });
  }
  return out;
}

function reasoningOf(parts: readonly ContentPart[]): string {
  return parts.map((part) => (part.type === "thinking" ? part.thinking : "")).join("");
}

function assistantMessage(parts: readonly ContentPart[], reasoning: string): ChatCompletionAssistantMessageParam[] {
  const text = parts.map((p) => (p.type === "text" ? p.text : "")).join("");
  const toolCalls: ChatCompletionMessageToolCall[] = [];
  for (const part of parts) {
    if (part.type === "tool_call") {
      toolCalls.push({ id: part.id, type: "function", function: { name: part.name, arguments: JSON.stringify(part.args ?? {}) } });
    } else if (part.type !== "text") {
      throw new PromptcallError(`An assistant message cannot hold a ${part.type} part for OpenAI: send it in a user message.`);
    }
  }
  if (toolCalls.length === 0) return [{ role: "assistant", content: text }];
  const message: ChatCompletionAssistantMessageParam = { role: "assistant", content: text === "" ? null : text, tool_calls: toolCalls };
  if (reasoning) message.reasoning_content = reasoning;
  return [message];
}

function textParts(parts: readonly ContentPart[], role: string): string {
  return parts
    .map((part) => {
      if (part.type === "text") return part.text;
      throw new PromptcallError(`A ${role} message can only hold text for OpenAI, not a ${part.type} part.`);
    })
    .join("\n");
}

function userParts(parts: readonly ContentPart[]): ChatCompletionContentPart[] {
  return parts.map((part) => {
    if (part.type === "tool_call") {
      throw new PromptcallError("A user message cannot hold a tool_call part: tool calls belong to assistant messages.");
    }
    return convertUserPart(part as NeutralUserPart);
  });
}
