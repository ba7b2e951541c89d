/**
 * The text of a Chat Completions `message.content` or `delta.content`. OpenAI sends a string (or null);
 * Mistral's reasoning models send a list of chunks instead — `{ type: "thinking", thinking: [...] }`
 * then `{ type: "text", text }` (https://docs.mistral.ai/capabilities/reasoning/) — in full responses
 * and in stream deltas alike. The answer is the text of the `text` chunks; thinking is not answer text.
 */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  let text = "";
  for (const part of content) {
    if (part && part.type === "text" && typeof part.text === "string") text += part.text;
  }
  return text;
}
