import type { GoogleContent, GooglePart } from "./api.ts";
import type { ConvertedMessages } from "./convert-messages.ts";

/**
 * The Gemini form of a plain text history, or undefined when the history needs `convertMessages`
 * (imported then). Plain means: every message is a provider-neutral message with only `role`
 * ("system", "user", "assistant" or "tool") and string `content`. Such a history converts as
 * `convertMessages` converts it: system texts become `systemInstruction` parts, the others `contents`
 * of role "model" (assistant) or "user", empty texts are dropped and neighbouring texts of one role
 * join into one content.
 */
export function textHistory(history: readonly unknown[]): ConvertedMessages | undefined {
  const system: GooglePart[] = [];
  const contents: GoogleContent[] = [];
  for (const message of history) {
    if (typeof message !== "object" || message === null) return undefined;
    const m = message as Record<string, unknown>;
    const { role, content } = m;
    if (typeof content !== "string" || Object.keys(m).some((k) => k !== "role" && k !== "content")) return undefined;
    if (role !== "system" && role !== "user" && role !== "assistant" && role !== "tool") return undefined;
    if (!content) continue;
    const last = contents[contents.length - 1];
    const wire = role === "assistant" ? "model" : "user";
    if (role === "system") system.push({ text: content });
    else if (last?.role === wire) last.parts.push({ text: content });
    else contents.push({ role: wire, parts: [{ text: content }] });
  }
  return system.length > 0 ? { contents, systemInstruction: { parts: system } } : { contents };
}
