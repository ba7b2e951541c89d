import type { BedrockMessageParam, BedrockSystemBlock } from "./api.ts";
import type { ConvertedMessages } from "./convert-messages.ts";

/**
 * The Converse form of a plain text history, or undefined when the history needs
 * `convertMessages` (loaded then). Plain means: every message has string content and the role
 * "system", "user" or "assistant"; no user or assistant text is empty; no two user or assistant
 * turns in a row share a role. It gives what `convertMessages` gives for such a history.
 */
export function textHistory(history: readonly unknown[]): ConvertedMessages | undefined {
  const system: BedrockSystemBlock[] = [];
  const messages: BedrockMessageParam[] = [];
  for (const message of history) {
    const { role, content } = (message ?? {}) as { role?: unknown; content?: unknown };
    if (typeof content !== "string") return undefined;
    if (role === "system") {
      if (content) system.push({ text: content });
    } else if ((role === "user" || role === "assistant") && content && messages.at(-1)?.role !== role) {
      messages.push({ role, content: [{ text: content }] });
    } else return undefined;
  }
  return { system: system.length > 0 ? system : undefined, messages };
}
