import type { BaseMessageParam, ContentPart } from "../../core/message-param.ts";
import { toolResultText } from "../../core/tools/common-messages.ts";
import type { ToolCallData, ToolOutput } from "../../core/tools/tool.ts";
import type { BedrockContentBlock, BedrockMessageParam, BedrockReasoningContent } from "./api.ts";

type Block = Record<string, unknown>;

/** The text of a message: its text blocks joined. */
export function textOf(blocks: readonly BedrockContentBlock[]): string {
  let text = "";
  for (const block of blocks as Block[]) if (typeof block.text === "string") text += block.text;
  return text;
}

/** The reasoning text of a message: its `reasoningContent.reasoningText` blocks joined. */
export function reasoningOf(blocks: readonly BedrockContentBlock[]): string {
  let text = "";
  for (const block of blocks as Block[]) {
    const reasoning = block.reasoningContent as { reasoningText?: { text?: string } } | undefined;
    text += reasoning?.reasoningText?.text ?? "";
  }
  return text;
}

/** The tool calls of a message. */
export function toolCallsOf(blocks: readonly BedrockContentBlock[]): ToolCallData[] {
  const calls: ToolCallData[] = [];
  for (const block of blocks as Block[]) {
    const use = block.toolUse as { toolUseId: string; name: string; input?: unknown } | undefined;
    if (use) calls.push({ id: use.toolUseId, name: use.name, args: (use.input ?? {}) as Record<string, unknown> });
  }
  return calls;
}

/**
 * The assistant message in the provider-neutral format: reasoning (with its signature, or the
 * redacted content), text and tool calls. Other blocks (citations, guard content) have no neutral form.
 */
export function commonMessageOf(blocks: readonly BedrockContentBlock[]): BaseMessageParam {
  const parts: ContentPart[] = [];
  for (const block of blocks as Block[]) {
    if (typeof block.text === "string") {
      if (block.text !== "") parts.push({ type: "text", text: block.text });
    } else if (block.toolUse) {
      const use = block.toolUse as { toolUseId: string; name: string; input?: unknown };
      parts.push({ type: "tool_call", id: use.toolUseId, name: use.name, args: (use.input ?? {}) as Record<string, unknown> });
    } else if (block.reasoningContent) {
      parts.push(thinkingPart(block.reasoningContent as BedrockReasoningContent));
    }
  }
  if (parts.length === 1 && parts[0].type === "text") return { role: "assistant", content: parts[0].text };
  return { role: "assistant", content: parts };
}

function thinkingPart(reasoning: BedrockReasoningContent): ContentPart {
  if ("redactedContent" in reasoning) {
    return { type: "thinking", thinking: "", providerData: { provider: "bedrock", redactedContent: reasoning.redactedContent } };
  }
  const { text, signature } = reasoning.reasoningText ?? { text: "" };
  return { type: "thinking", thinking: text ?? "", ...(signature ? { signature } : {}), providerData: { provider: "bedrock" } };
}

/**
 * Tool outputs as ONE `user` message of `toolResult` blocks (all results of a turn go together); an
 * error result has `status: "error"` (ToolResultBlock, in the ContentBlock reference above).
 */
export function toolResultMessages(outputs: readonly ToolOutput[]): BedrockMessageParam[] {
  if (outputs.length === 0) return [];
  return [
    {
      role: "user",
      content: outputs.map((entry) => {
        const { text, isError } = toolResultText(entry);
        return { toolResult: { toolUseId: entry[0].id, content: [{ text }], ...(isError ? { status: "error" as const } : {}) } };
      }),
    },
  ];
}
