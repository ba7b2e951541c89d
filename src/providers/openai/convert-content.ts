import type { AudioPart, DocumentPart, ImagePart, TextPart } from "../../core/message-param.ts";
import { PromptcallError } from "../../errors/index.ts";
import type { ChatCompletionContentPart } from "./api.ts";
import { dataUrl, decodeText, toBase64 } from "../../core/base64.ts";

/** A neutral user content part OpenAI accepts. */
export type NeutralUserPart = TextPart | ImagePart | AudioPart | DocumentPart;

/** A neutral text/image/audio/document part as a Chat Completions content part. */
export function convertUserPart(part: NeutralUserPart): ChatCompletionContentPart {
  switch (part.type) {
    case "text":
      return { type: "text", text: part.text };
    case "image":
      return convertImage(part);
    case "audio":
      return convertAudio(part);
    case "document":
      return convertDocument(part);
  }
}

function convertImage(part: ImagePart): ChatCompletionContentPart {
  const url = part.url ?? (part.data !== undefined ? dataUrl(part.mediaType ?? "image/png", part.data) : undefined);
  if (!url) throw new PromptcallError("An image part has neither `url` nor `data`: give one of them.");
  return { type: "image_url", image_url: part.detail ? { url, detail: part.detail } : { url } };
}

function convertAudio(part: AudioPart): ChatCompletionContentPart {
  if (part.data === undefined) {
    throw new PromptcallError(
      'OpenAI takes audio as base64 bytes, not as a URL: fetch the audio and pass its bytes, e.g. audio(bytes, "audio/wav").',
    );
  }
  return { type: "input_audio", input_audio: { data: toBase64(part.data), format: audioFormat(part.mediaType) } };
}

/** OpenAI's audio format for a media type (WAV and MP3 are the formats it accepts). */
function audioFormat(mediaType: string): "wav" | "mp3" {
  const type = mediaType.toLowerCase();
  if (type === "audio/wav" || type === "audio/wave" || type === "audio/x-wav" || type === "audio/vnd.wave") return "wav";
  if (type === "audio/mpeg" || type === "audio/mp3" || type === "audio/mpeg3") return "mp3";
  throw new PromptcallError(`OpenAI accepts WAV and MP3 audio input, not "${mediaType}": convert the audio first.`);
}

function convertDocument(part: DocumentPart): ChatCompletionContentPart {
  if (part.data === undefined) {
    throw new PromptcallError(
      "OpenAI's Chat Completions take documents as bytes (or an uploaded file id), not as a URL: fetch the " +
        'document and pass its bytes, e.g. document(bytes, "application/pdf").',
    );
  }
  if (part.mediaType.startsWith("text/")) {
    const name = part.name ? `${part.name}:\n` : "";
    return { type: "text", text: `${name}${decodeText(part.data)}` };
  }
  if (part.mediaType !== "application/pdf") {
    throw new PromptcallError(`OpenAI accepts PDF documents (and text, sent inline), not "${part.mediaType}".`);
  }
  return { type: "file", file: { file_data: dataUrl(part.mediaType, part.data), filename: part.name ?? "document.pdf" } };
}
