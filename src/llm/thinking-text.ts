/** A response, stream or chunk of any provider, as far as its thinking text goes. */
interface MaybeThinking {
  readonly thinking?: unknown;
  readonly reasoning?: unknown;
  readonly commonMessageParam?: { content?: unknown };
}

/**
 * The model's thinking text, whatever the provider calls it: `thinking` (Anthropic, Gemini,
 * Bedrock), `reasoning` (OpenAI-compatible `reasoning_content`), else the thinking parts of the
 * neutral message. "" when the model did not think aloud.
 */
export function thinkingText(source: MaybeThinking): string {
  if (typeof source.thinking === "string") return source.thinking;
  if (typeof source.reasoning === "string") return source.reasoning;
  const content = source.commonMessageParam?.content;
  if (!Array.isArray(content)) return "";
  return content
    .filter((part): part is { type: "thinking"; thinking: string } => part?.type === "thinking" && typeof part.thinking === "string")
    .map((part) => part.thinking)
    .join("");
}
