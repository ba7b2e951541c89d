import type { ContentPart, Role } from "../../core/message-param.ts";
import { PromptcallError } from "../../errors/index.ts";
import type {
  ChatCompletionAssistantMessageParam,
  ChatCompletionContentPart,
  ChatCompletionMessageParam,
  ChatCompletionMessageToolCall,
  ChatCompletionToolMessageParam,
  ReasoningDetail,
} from "./api.ts";
import { convertUserPart, type NeutralUserPart } from "./convert-content.ts";

/**
 * A provider-neutral message with content parts as Chat Completions messages: `tool_result` parts
 * become `role: "tool"` messages. `thinking` parts become the assistant turn's reasoning fields: their
 * text `reasoning_content` on a turn with tool calls (DeepSeek's thinking mode requires it back), and
 * OpenRouter's details (`providerData.reasoningDetails`) `reasoning_details`; setupCall removes each for
 * services that do not take it. Imported by `convert-history` only for neutral messages that have parts.
 */
export function convertParts(role: Role, content: readonly ContentPart[]): ChatCompletionMessageParam[] {
  const results = toolResults(content);
  const rest = content.filter((part) => part.type !== "tool_result" && part.type !== "thinking");
  if (role === "assistant") return [...results, ...assistantMessage(rest, content)];
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

function assistantMessage(parts: readonly ContentPart[], all: readonly ContentPart[]): ChatCompletionAssistantMessageParam[] {
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
  addReasoning(message, all);
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

/** The reasoning of a neutral turn's thinking parts: their text as `reasoning_content`, OpenRouter's details as `reasoning_details`. */
function addReasoning(message: ChatCompletionAssistantMessageParam, parts: readonly ContentPart[]): void {
  const thinking = parts.filter((part) => part.type === "thinking");
  const text = thinking.map((part) => part.thinking).join("");
  const details = thinking.flatMap((part) => {
    const d = part.providerData?.reasoningDetails;
    return Array.isArray(d) ? (d as ReasoningDetail[]) : [];
  });
  if (text) message.reasoning_content = text;
  if (details.length > 0) message.reasoning_details = details;
}
