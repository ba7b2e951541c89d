import type { AudioPart, BinaryData, ContentPart, DocumentPart, ImagePart } from "../../core/message-param.ts";
import { sniffMediaType } from "../../core/prompt/parts.ts";
import type { GooglePart } from "./api.ts";
import { bytesToBase64 } from "../../core/base64.ts";
import { functionResponse } from "./tool-message-params.ts";

/** What converting a neutral message's parts needs to know across the history. */
export interface PartContext {
  /** Tool call ids (ours) → the wire id Gemini sent, for calls that had one. */
  wireIds: Map<string, string>;
}

/**
 * The signature Google documents for function calls Gemini did not make itself (another model's turns,
 * a hand-built history): Gemini 3 answers 400 when the first function call of a model turn comes back
 * without a signature (https://ai.google.dev/gemini-api/docs/thought-signatures).
 */
export const FOREIGN_CALL_SIGNATURE = "skip_thought_signature_validator";

/**
 * Neutral content parts as Gemini parts. Media with bytes become `inlineData` (base64), media with a
 * URL `fileData`. Thinking parts go back only when they came from Gemini (their signature means
 * nothing elsewhere); an empty one that carries a text part's signature is put back on that text part.
 * The first function call of a turn that has no signature of its own gets `FOREIGN_CALL_SIGNATURE`.
 */
export function convertParts(content: readonly ContentPart[], ctx: PartContext): GooglePart[] {
  const out: GooglePart[] = [];
  let pendingSignature: string | undefined;
  for (const part of content) {
    if (part.type === "thinking") {
      const data = part.providerData;
      if (data?.provider !== "google") continue;
      if (data.attachedTo === "text") pendingSignature = part.signature;
      else out.push(signed({ text: part.thinking, thought: true }, part.signature));
      continue;
    }
    const converted = convertPart(part, ctx);
    if (!converted) continue;
    if (pendingSignature && converted.text !== undefined) converted.thoughtSignature = pendingSignature;
    pendingSignature = undefined;
    const foreign = part.type === "tool_call" && part.providerData?.provider !== "google";
    if (foreign && !converted.thoughtSignature && !out.some((p) => p.functionCall)) {
      converted.thoughtSignature = FOREIGN_CALL_SIGNATURE;
    }
    out.push(converted);
  }
  return out;
}

function convertPart(part: Exclude<ContentPart, { type: "thinking" }>, ctx: PartContext): GooglePart | undefined {
  switch (part.type) {
    case "text":
      return { text: part.text };
    case "image":
    case "audio":
    case "document":
      return mediaPart(part);
    case "tool_call": {
      const id = wireIdOf(part.providerData);
      if (id) ctx.wireIds.set(part.id, id);
      const signature = part.providerData?.thoughtSignature;
      const call = { name: part.name, args: part.args ?? {}, ...(id ? { id } : {}) };
      return signed({ functionCall: call }, typeof signature === "string" ? signature : undefined);
    }
    case "tool_result":
      return { functionResponse: functionResponse(part.name, part.content, ctx.wireIds.get(part.toolCallId), part.isError) };
  }
}

function mediaPart(part: ImagePart | AudioPart | DocumentPart): GooglePart {
  if (part.data !== undefined) {
    const mimeType = part.mediaType || sniff(part.data);
    if (!mimeType) {
      throw new TypeError(
        `A ${part.type} part has data but no mediaType, and its bytes are not a known format: Gemini needs one ` +
          `for inlineData; pass it, e.g. image(bytes, "image/png").`,
      );
    }
    return { inlineData: { mimeType, data: toBase64(part.data) } };
  }
  if (part.url !== undefined) {
    return { fileData: part.mediaType ? { mimeType: part.mediaType, fileUri: part.url } : { fileUri: part.url } };
  }
  throw new TypeError(`A ${part.type} part needs data or a url.`);
}

/** The media type read from the data's first bytes (base64 is decoded just enough for that). */
function sniff(data: BinaryData): string | undefined {
  if (typeof data !== "string") return sniffMediaType(data);
  try {
    return sniffMediaType(Uint8Array.from(atob(data.slice(0, 24)), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

function toBase64(data: BinaryData): string {
  return typeof data === "string" ? data : bytesToBase64(data);
}

function signed(part: GooglePart, signature: string | undefined): GooglePart {
  if (signature) part.thoughtSignature = signature;
  return part;
}

function wireIdOf(providerData: Record<string, unknown> | undefined): string | undefined {
  const id = providerData?.functionCallId;
  return typeof id === "string" && id !== "" ? id : undefined;
}
