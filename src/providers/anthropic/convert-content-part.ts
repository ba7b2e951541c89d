import type { ContentPart, DocumentPart, ImagePart, ThinkingPart } from "../../core/message-param.ts";
import { PromptcallError } from "../../errors/index.ts";
import type { AnthropicContentBlock, AnthropicDocumentBlock, AnthropicImageBlock, AnthropicTextBlock } from "./api.ts";
import { decodeText, toBase64 } from "../../core/base64.ts";
import { withCache } from "./with-cache.ts";

/**
 * One provider-neutral content part as an Anthropic content block, or undefined for parts the API
 * cannot take and that are safe to leave out (empty text, thinking without an Anthropic signature).
 */
export function convertContentPart(part: ContentPart): AnthropicContentBlock | undefined {
  switch (part.type) {
    case "text":
      return part.text === "" ? undefined : withCache<AnthropicTextBlock>({ type: "text", text: part.text }, part.cacheControl);
    case "image":
      return imageBlock(part);
    case "document":
      return documentBlock(part);
    case "audio":
      throw new PromptcallError(
        "Anthropic models do not accept audio input: transcribe the audio first, or send it to a provider that takes audio.",
      );
    case "tool_call":
      return { type: "tool_use", id: part.id, name: part.name, input: part.args };
    case "tool_result":
      return {
        type: "tool_result",
        tool_use_id: part.toolCallId,
        content: part.content,
        ...(part.isError ? { is_error: true } : {}),
      };
    case "thinking":
      return thinkingBlock(part);
    default:
      throw new PromptcallError(`Unknown content part type "${(part as { type: unknown }).type}" in a message.`);
  }
}

function imageBlock(part: ImagePart): AnthropicImageBlock {
  if (part.data !== undefined) {
    if (!part.mediaType) {
      throw new PromptcallError('An image given as bytes needs its media type, e.g. image(bytes, "image/png").');
    }
    return { type: "image", source: { type: "base64", media_type: part.mediaType, data: toBase64(part.data) } };
  }
  if (part.url) return { type: "image", source: { type: "url", url: part.url } };
  throw new PromptcallError("An image part needs `data` or `url`.");
}

function documentBlock(part: DocumentPart): AnthropicDocumentBlock {
  const title = part.name ? { title: part.name } : {};
  if (part.data !== undefined) {
    if (part.mediaType === "application/pdf") {
      return { type: "document", source: { type: "base64", media_type: "application/pdf", data: toBase64(part.data) }, ...title };
    }
    if (part.mediaType === "text/plain") {
      return { type: "document", source: { type: "text", media_type: "text/plain", data: decodeText(part.data) }, ...title };
    }
    throw new PromptcallError(
      `Anthropic documents are PDFs (application/pdf) or plain text (text/plain); got "${part.mediaType}". ` +
        "Convert the document, or send its text as a text part.",
    );
  }
  if (part.url) return { type: "document", source: { type: "url", url: part.url }, ...title };
  throw new PromptcallError("A document part needs `data` or `url`.");
}

/** Thinking travels back only with its signature (or redacted data) and only to Anthropic. */
function thinkingBlock(part: ThinkingPart): AnthropicContentBlock | undefined {
  const data = part.providerData ?? {};
  if (typeof data.provider === "string" && data.provider !== "anthropic") return undefined;
  if (typeof data.redactedData === "string") return { type: "redacted_thinking", data: data.redactedData };
  if (typeof part.signature !== "string" || part.signature === "") return undefined;
  return { type: "thinking", thinking: part.thinking, signature: part.signature };
}
