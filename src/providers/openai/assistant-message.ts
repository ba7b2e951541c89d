import type { BaseMessageParam, ContentPart } from "../../core/message-param.ts";
import { toolResultText } from "../../core/tools/common-messages.ts";
import type { ToolCallData, ToolOutput } from "../../core/tools/tool.ts";
import type { ChatCompletionAssistantMessageParam, ChatCompletionToolMessageParam, ReasoningDetail } from "./api.ts";

/** The parts of an assistant turn that go back into a history ("" counts as none: a stream passes itself). */
export interface AssistantParts {
  content: string;
  refusal?: string;
  toolCalls: readonly ToolCallData[];
  audioId?: string;
  /** Reasoning text the service sent (`reasoning_content`), if any. */
  reasoning?: string;
  /** OpenRouter's structured reasoning, if any. */
  reasoningDetails?: ReasoningDetail[];
}

/**
 * The assistant message in Chat Completions form, ready to append to a history. Both APIs use it:
 * with `api: "responses"` it is converted to `input` items (a message and `function_call` items).
 */
export function assistantMessageParam(turn: AssistantParts): ChatCompletionAssistantMessageParam {
  const hasCalls = turn.toolCalls.length > 0;
  const message: ChatCompletionAssistantMessageParam = {
    role: "assistant",
    content: turn.content === "" && (hasCalls || turn.refusal) ? null : turn.content,
  };
  if (turn.refusal) message.refusal = turn.refusal;
  if (hasCalls) {
    message.tool_calls = turn.toolCalls.map((call) => ({
      id: call.id,
      type: "function" as const,
      function: { name: call.name, arguments: argsText(call.args) },
    }));
  }
  if (turn.audioId) message.audio = { id: turn.audioId };
  // DeepSeek's thinking mode requires the reasoning back on tool-call turns (a 400 without it);
  // setupCall removes it again for services that do not take it.
  if (hasCalls && turn.reasoning) message.reasoning_content = turn.reasoning;
  // OpenRouter: "preserve the complete reasoning_details when passing messages back" (stripped elsewhere).
  if (turn.reasoningDetails?.length) message.reasoning_details = turn.reasoningDetails;
  return message;
}

/** The assistant message in the provider-neutral form: text and tool calls with parsed arguments. */
export function commonAssistantMessage(turn: AssistantParts): BaseMessageParam {
  const text = turn.content || turn.refusal || "";
  if (turn.toolCalls.length === 0) return { role: "assistant", content: text };
  const details = turn.reasoningDetails?.length ? turn.reasoningDetails : undefined;
  const parts: ContentPart[] =
    turn.reasoning || details
      ? [{ type: "thinking", thinking: turn.reasoning ?? "", ...(details && { providerData: { reasoningDetails: details } }) }]
      : [];
  if (text) parts.push({ type: "text", text });
  for (const call of turn.toolCalls) {
    parts.push({ type: "tool_call", id: call.id, name: call.name, args: parseArgs(call.args) });
  }
  return { role: "assistant", content: parts };
}

/**
 * Tool results as Chat Completions `role: "tool"` messages. The API has no error flag: an error
 * result's content is text that says the tool failed ("Error: …"). The Responses API sends the same
 * text as a `function_call_output` item's `output` (responses/convert-input.ts).
 */
export function toolResultMessages(outputs: readonly ToolOutput[]): ChatCompletionToolMessageParam[] {
  return outputs.map((entry) => ({ role: "tool", tool_call_id: entry[0].id, content: toolResultText(entry).text }));
}

function argsText(args: ToolCallData["args"]): string {
  return typeof args === "string" ? args : JSON.stringify(args);
}

function parseArgs(args: ToolCallData["args"]): Record<string, unknown> {
  if (typeof args !== "string") return args;
  try {
    const parsed: unknown = JSON.parse(args || "{}");
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
