import { isBaseMessageParam, type BaseMessageParam, type ContentPart } from "../../core/message-param.ts";
import { PromptcallError } from "../../errors/index.ts";
import type { AnthropicContentBlock, AnthropicMessageParam, AnthropicTextBlock } from "./api.ts";
import { convertContentPart } from "./convert-content-part.ts";
import { withCache } from "./with-cache.ts";

/** The `system` and `messages` fields of a Messages API request. */
export interface ConvertedMessages {
  system: string | AnthropicTextBlock[] | undefined;
  messages: AnthropicMessageParam[];
}

/**
 * Converts a history of provider-neutral and native Anthropic messages, in any mix, to the wire
 * format: system messages go to the top-level `system`, `tool` messages become `user` messages of
 * `tool_result` blocks, and consecutive messages of one role are merged, as the API requires.
 */
export function convertMessages(history: readonly unknown[]): ConvertedMessages {
  const system: AnthropicTextBlock[] = [];
  const messages: AnthropicMessageParam[] = [];
  for (const message of history) {
    const role = readRole(message);
    if (role === "system") {
      system.push(...systemBlocks((message as { content: unknown }).content));
      continue;
    }
    const converted = isBaseMessageParam(message) ? convertNeutral(message) : convertNative(message, role);
    if (isEmpty(converted.content)) continue;
    const previous = messages[messages.length - 1];
    if (previous && previous.role === converted.role) messages[messages.length - 1] = merge(previous, converted);
    else messages.push(converted);
  }
  return { system: toSystem(system), messages };
}

function readRole(message: unknown): string {
  const role = typeof message === "object" && message !== null ? (message as { role?: unknown }).role : undefined;
  if (role === "system" || role === "user" || role === "assistant" || role === "tool") return role;
  throw new PromptcallError(
    `A message has role ${JSON.stringify(role)}: use "system", "user", "assistant" or "tool" ` +
      '(or an Anthropic message with role "user" or "assistant").',
  );
}

function convertNeutral(message: BaseMessageParam): AnthropicMessageParam {
  const role = message.role === "assistant" ? "assistant" : "user";
  if (typeof message.content === "string") return { role, content: message.content };
  return { role, content: convertParts(message.content) };
}

function convertParts(parts: readonly ContentPart[]): AnthropicContentBlock[] {
  const blocks: AnthropicContentBlock[] = [];
  for (const part of parts) {
    const block = convertContentPart(part);
    if (block) blocks.push(block);
  }
  return blocks;
}

/** A native message goes through unchanged (its blocks may mix in neutral parts, which are converted). */
function convertNative(message: unknown, role: string): AnthropicMessageParam {
  if (role === "tool") {
    throw new PromptcallError('A "tool" message must be provider-neutral: { role: "tool", content: [{ type: "tool_result", ... }] }.');
  }
  const content = (message as { content?: unknown }).content;
  if (typeof content === "string") return { role: role as "user" | "assistant", content };
  if (!Array.isArray(content)) {
    throw new PromptcallError(`A ${role} message needs \`content\`: a string or an array of content blocks.`);
  }
  const blocks = content.map((block) => (isNeutralPart(block) ? convertContentPart(block) : block)).filter(Boolean);
  return { role: role as "user" | "assistant", content: blocks as AnthropicContentBlock[] };
}

/** Neutral parts that look different on the wire (native blocks of these types carry other fields). */
function isNeutralPart(block: unknown): block is ContentPart {
  if (typeof block !== "object" || block === null) return false;
  const b = block as Record<string, unknown>;
  if (b.type === "tool_call" || b.type === "audio") return true;
  if (b.type === "tool_result") return typeof b.toolCallId === "string";
  if (b.type === "image" || b.type === "document") return !("source" in b);
  if (b.type === "text") return "cacheControl" in b || b.text === "";
  if (b.type === "thinking") return "providerData" in b;
  return false;
}

function systemBlocks(content: unknown): AnthropicTextBlock[] {
  if (typeof content === "string") return content === "" ? [] : [{ type: "text", text: content }];
  if (!Array.isArray(content)) throw new PromptcallError("A system message needs text content.");
  return content.flatMap((part): AnthropicTextBlock[] => {
    const p = part as { type?: unknown; text?: unknown; cacheControl?: unknown; cache_control?: unknown };
    if (p.type !== "text" || typeof p.text !== "string") {
      throw new PromptcallError("Anthropic system prompts hold text only: move images and documents to a user message.");
    }
    if (p.text === "") return [];
    if (p.cache_control) return [{ type: "text", text: p.text, cache_control: p.cache_control as AnthropicTextBlock["cache_control"] }];
    return [withCache<AnthropicTextBlock>({ type: "text", text: p.text }, p.cacheControl as never)];
  });
}

/** A plain string unless some block asks for caching, which needs the block form. */
function toSystem(blocks: AnthropicTextBlock[]): ConvertedMessages["system"] {
  if (blocks.length === 0) return undefined;
  if (blocks.some((b) => b.cache_control)) return blocks;
  return blocks.map((b) => b.text).join("\n\n");
}

function isEmpty(content: AnthropicMessageParam["content"]): boolean {
  return content.length === 0;
}

function toBlocks(content: AnthropicMessageParam["content"]): AnthropicContentBlock[] {
  return typeof content === "string" ? [{ type: "text", text: content }] : content;
}

/** Merges two messages of one role; in a user message, tool results must come before other blocks. */
function merge(a: AnthropicMessageParam, b: AnthropicMessageParam): AnthropicMessageParam {
  const blocks = [...toBlocks(a.content), ...toBlocks(b.content)];
  if (a.role !== "user") return { role: a.role, content: blocks };
  const results = blocks.filter((block) => block.type === "tool_result");
  const others = blocks.filter((block) => block.type !== "tool_result");
  return { role: "user", content: [...results, ...others] };
}
