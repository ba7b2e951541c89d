import type { AnthropicMessageParam, AnthropicTextBlock } from "./api.ts";
import type { ConvertedMessages } from "./convert-messages.ts";

/**
 * The Messages API form of a plain text history, or undefined when the history needs
 * `convertMessages` (imported then). Plain means: every message has string content and the role
 * "system", "user" or "assistant"; no user or assistant text is empty; no two user or assistant
 * turns in a row share a role. Such a history converts to a copy of its turns (extra fields of
 * native messages dropped) and a system prompt of the system texts joined by a blank line, which
 * is what `convertMessages` gives for it.
 */
export function textHistory(history: readonly unknown[]): ConvertedMessages | undefined {
  const system: string[] = [];
  const messages: AnthropicMessageParam[] = [];
  for (const message of history) {
    const { role, content } = (message ?? {}) as { role?: unknown; content?: unknown };
    if (typeof content !== "string") return undefined;
    if (role === "system") {
      if (content) system.push(content);
    } else if ((role === "user" || role === "assistant") && content && messages.at(-1)?.role !== role) {
      messages.push({ role, content });
    } else return undefined;
  }
  return { system: system.length > 0 ? system.join("\n\n") : undefined, messages };
}

/** Adds an instruction to a system prompt (a string, or text blocks when some carry `cache_control`). */
export function appendSystem(system: ConvertedMessages["system"], text: string): string | AnthropicTextBlock[] {
  if (system === undefined || system === "") return text;
  if (typeof system === "string") return `${system}\n\n${text}`;
  return [...system, { type: "text", text }];
}
