import { toBase64 } from "../../core/base64.ts";
import type { CacheControl, ContentPart, DocumentPart, ImagePart, ThinkingPart } from "../../core/message-param.ts";
import { PromptcallError } from "../../errors/index.ts";
import type { BedrockContentBlock, BedrockDocumentFormat, BedrockImageFormat, BedrockSource } from "./api.ts";

/** A cache point block: the prompt up to here is cached (CachePointBlock, `type` "default" only). */
export const CACHE_POINT = { cachePoint: { type: "default" } } as const;

/** Image media types → ImageBlock `format` (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ImageBlock.html). */
const IMAGE_FORMATS: Record<string, BedrockImageFormat> = {
  "image/png": "png",
  "image/jpeg": "jpeg",
  "image/jpg": "jpeg",
  "image/gif": "gif",
  "image/webp": "webp",
};

/** Document media types → DocumentBlock `format` (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_DocumentBlock.html). */
const DOCUMENT_FORMATS: Record<string, BedrockDocumentFormat> = {
  "application/pdf": "pdf",
  "text/csv": "csv",
  "application/msword": "doc",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.ms-excel": "xls",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "text/html": "html",
  "text/plain": "txt",
  "text/markdown": "md",
};

/**
 * One provider-neutral content part as Converse content blocks: none for parts that are safe to
 * leave out (empty text, reasoning another provider made), a text followed by a cache point when
 * the part asks for caching.
 */
export function convertContentPart(part: ContentPart): BedrockContentBlock[] {
  switch (part.type) {
    case "text":
      return part.text === "" ? [] : withCache({ text: part.text }, part.cacheControl);
    case "image":
      return [{ image: { format: imageFormat(part), source: sourceOf(part, "image") } }];
    case "document":
      return [documentBlock(part)];
    case "audio":
      throw new PromptcallError(
        "promptcall's Bedrock provider does not send audio: transcribe it first, or use a provider that takes audio.",
      );
    case "tool_call":
      return [{ toolUse: { toolUseId: part.id, name: part.name, input: part.args } }];
    case "tool_result":
      return [
        { toolResult: { toolUseId: part.toolCallId, content: [{ text: part.content }], ...(part.isError ? { status: "error" } : {}) } },
      ];
    case "thinking":
      return reasoningBlock(part);
    default:
      throw new PromptcallError(`Unknown content part type "${(part as { type: unknown }).type}" in a message.`);
  }
}

/** The block, then a cache point when the part asked for caching (any `cacheControl` maps to Bedrock's one kind). */
export function withCache(block: BedrockContentBlock, cacheControl: CacheControl | undefined): BedrockContentBlock[] {
  return cacheControl ? [block, CACHE_POINT] : [block];
}

function imageFormat(part: ImagePart): BedrockImageFormat {
  const format = part.mediaType ? IMAGE_FORMATS[part.mediaType.toLowerCase()] : undefined;
  if (format) return format;
  throw new PromptcallError(
    `Bedrock images are PNG, JPEG, GIF or WebP, given with their media type (e.g. image(bytes, "image/png")); got ${JSON.stringify(part.mediaType)}.`,
  );
}

/** Bytes as base64, or an `s3://` URL as an S3 location; Bedrock does not fetch other URLs. */
function sourceOf(part: ImagePart | DocumentPart, what: string): BedrockSource {
  if (part.data !== undefined) return { bytes: toBase64(part.data) };
  if (part.url?.startsWith("s3://")) return { s3Location: { uri: part.url } };
  throw new PromptcallError(
    `A Bedrock ${what} needs its bytes (\`data\`) or an s3:// URL: Bedrock does not fetch web URLs. Fetch it and pass the bytes.`,
  );
}

function documentBlock(part: DocumentPart): BedrockContentBlock {
  const format = DOCUMENT_FORMATS[part.mediaType.toLowerCase()];
  if (!format) {
    throw new PromptcallError(
      `Bedrock documents are PDF, CSV, DOC(X), XLS(X), HTML, TXT or Markdown; got "${part.mediaType}". Convert it, or send its text as a text part.`,
    );
  }
  return { document: { format, name: documentName(part.name), source: sourceOf(part, "document") } };
}

/**
 * The document `name` Bedrock requires: 1–200 of letters, digits, single whitespace, hyphens,
 * parentheses and square brackets (DocumentBlock reference), so other characters become hyphens.
 */
function documentName(name: string | undefined): string {
  const clean = (name ?? "")
    .replace(/[^A-Za-z0-9\s\-()[\]]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
  return clean === "" ? "document" : clean;
}

/** Reasoning goes back only to Bedrock, with its signature or its redacted content. */
function reasoningBlock(part: ThinkingPart): BedrockContentBlock[] {
  const data = part.providerData ?? {};
  if (data.provider !== "bedrock") return [];
  if (typeof data.redactedContent === "string") return [{ reasoningContent: { redactedContent: data.redactedContent } }];
  if (!part.signature) return [];
  return [{ reasoningContent: { reasoningText: { text: part.thinking, signature: part.signature } } }];
}
