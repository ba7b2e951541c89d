import { toolResultText } from "../../core/tools/common-messages.ts";
import type { BaseMessageParam, ContentPart } from "../../core/message-param.ts";
import type { ToolCallData, ToolOutput } from "../../core/tools/tool.ts";
import type { AnthropicContentBlock, AnthropicMessageParam } from "./api.ts";

/** The text of a message: its text blocks joined. */
export function textOf(blocks: readonly AnthropicContentBlock[]): string {
  let text = "";
  for (const block of blocks) if (block.type === "text") text += block.text;
  return text;
}

/** The thinking of a message: its thinking blocks joined. */
export function thinkingOf(blocks: readonly AnthropicContentBlock[]): string {
  let text = "";
  for (const block of blocks) if (block.type === "thinking") text += block.thinking;
  return text;
}

/** The client tool calls of a message (server tool calls are run by Anthropic and are not included). */
export function toolCallsOf(blocks: readonly AnthropicContentBlock[]): ToolCallData[] {
  const calls: ToolCallData[] = [];
  for (const block of blocks) {
    if (block.type === "tool_use") calls.push({ id: block.id, name: block.name, args: block.input ?? {} });
  }
  return calls;
}

/**
 * The assistant message in the provider-neutral format: thinking (with its signature, or redacted
 * data), text and tool calls. Server tool blocks have no neutral form and are left out.
 */
export function commonMessageOf(blocks: readonly AnthropicContentBlock[]): BaseMessageParam {
  const parts: ContentPart[] = [];
  for (const block of blocks) {
    if (block.type === "text") {
      if (block.text !== "") parts.push({ type: "text", text: block.text });
    } else if (block.type === "tool_use") {
      parts.push({ type: "tool_call", id: block.id, name: block.name, args: block.input ?? {} });
    } else if (block.type === "thinking") {
      parts.push({ type: "thinking", thinking: block.thinking, signature: block.signature, providerData: { provider: "anthropic" } });
    } else if (block.type === "redacted_thinking") {
      parts.push({ type: "thinking", thinking: "", providerData: { provider: "anthropic", redactedData: block.data } });
    }
  }
  if (parts.length === 1 && parts[0].type === "text") return { role: "assistant", content: parts[0].text };
  return { role: "assistant", content: parts };
}

/**
 * Tool outputs as ONE `user` message of `tool_result` blocks (the API wants all results of a turn
 * together). An error result gets `is_error: true`, as "Handle tool calls" documents
 * (https://platform.claude.com/docs/en/agents-and-tools/tool-use/handle-tool-calls).
 */
export function toolResultMessages(outputs: readonly ToolOutput[]): AnthropicMessageParam[] {
  if (outputs.length === 0) return [];
  return [
    {
      role: "user",
      content: outputs.map((entry) => {
        const { text, isError } = toolResultText(entry);
        const block = { type: "tool_result" as const, tool_use_id: entry[0].id, content: text };
        return isError ? { ...block, is_error: true } : block;
      }),
    },
  ];
}
