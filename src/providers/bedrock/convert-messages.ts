import { type BaseMessageParam, type ContentPart, isBaseMessageParam } from "../../core/message-param.ts";
import { PromptcallError } from "../../errors/index.ts";
import type { BedrockContentBlock, BedrockMessageParam, BedrockSystemBlock } from "./api.ts";
import { convertContentPart } from "./convert-content-part.ts";

/** The `system` and `messages` fields of a Converse request. */
export interface ConvertedMessages {
  system: BedrockSystemBlock[] | undefined;
  messages: BedrockMessageParam[];
}

/**
 * Converts a history of provider-neutral and native Bedrock messages, in any mix, to the wire
 * format: system messages go to the top-level `system` (text and cache points), `tool` messages
 * become `user` messages of `toolResult` blocks, a text part with `cacheControl` is followed by a
 * cache point, and consecutive messages of one role are merged (Converse wants turns to alternate).
 */
export function convertMessages(history: readonly unknown[]): ConvertedMessages {
  const system: BedrockSystemBlock[] = [];
  const messages: BedrockMessageParam[] = [];
  for (const message of history) {
    const role = readRole(message);
    if (role === "system") {
      system.push(...systemBlocks((message as { content: unknown }).content));
      continue;
    }
    const converted = isBaseMessageParam(message) ? convertNeutral(message) : convertNative(message, role);
    if (converted.content.length === 0) continue;
    const previous = messages[messages.length - 1];
    if (previous && previous.role === converted.role) messages[messages.length - 1] = merge(previous, converted);
    else messages.push(converted);
  }
  return { system: system.length > 0 ? system : undefined, messages };
}

function readRole(message: unknown): string {
  const role = typeof message === "object" && message !== null ? (message as { role?: unknown }).role : undefined;
  if (role === "system" || role === "user" || role === "assistant" || role === "tool") return role;
  throw new PromptcallError(
    `A message has role ${JSON.stringify(role)}: use "system", "user", "assistant" or "tool" ` +
      '(or a Bedrock message with role "user" or "assistant").',
  );
}

function convertNeutral(message: BaseMessageParam): BedrockMessageParam {
  const role = message.role === "assistant" ? "assistant" : "user";
  if (typeof message.content === "string") return { role, content: message.content === "" ? [] : [{ text: message.content }] };
  return { role, content: message.content.flatMap(convertContentPart) };
}

/** A native message goes through unchanged (its blocks may mix in neutral parts, which are converted). */
function convertNative(message: unknown, role: string): BedrockMessageParam {
  if (role === "tool") {
    throw new PromptcallError('A "tool" message must be provider-neutral: { role: "tool", content: [{ type: "tool_result", ... }] }.');
  }
  const content = (message as { content?: unknown }).content;
  const r = role as "user" | "assistant";
  if (typeof content === "string") return { role: r, content: content === "" ? [] : [{ text: content }] };
  if (!Array.isArray(content)) {
    throw new PromptcallError(`A ${role} message needs \`content\`: a string or an array of content blocks.`);
  }
  return {
    role: r,
    content: content.flatMap((block) => (isNeutralPart(block) ? convertContentPart(block) : [block as BedrockContentBlock])),
  };
}

/** Neutral parts carry `type`; Converse blocks never do (a block is an object with one key naming its kind). */
function isNeutralPart(block: unknown): block is ContentPart {
  return typeof block === "object" && block !== null && typeof (block as { type?: unknown }).type === "string";
}

function systemBlocks(content: unknown): BedrockSystemBlock[] {
  if (typeof content === "string") return content === "" ? [] : [{ text: content }];
  if (!Array.isArray(content)) throw new PromptcallError("A system message needs text content.");
  return content.flatMap((part): BedrockSystemBlock[] => {
    if (!isNeutralPart(part)) return [part as BedrockSystemBlock]; // a native block: { text } or { cachePoint }
    if (part.type !== "text") {
      throw new PromptcallError("Bedrock system prompts hold text only: move images and documents to a user message.");
    }
    return convertContentPart(part) as BedrockSystemBlock[];
  });
}

/** Merges two messages of one role; in a user message, tool results come before other blocks. */
function merge(a: BedrockMessageParam, b: BedrockMessageParam): BedrockMessageParam {
  const blocks = [...a.content, ...b.content];
  if (a.role !== "user") return { role: a.role, content: blocks };
  const isResult = (block: BedrockContentBlock) => "toolResult" in block;
  return { role: "user", content: [...blocks.filter(isResult), ...blocks.filter((block) => !isResult(block))] };
}
