/**
 * Content part builders: text, image, audio and document parts from bytes, base64 or URLs, with the
 * media type read from the bytes' magic numbers when it is not given.
 */
import { TemplateError } from "../../errors/index.ts";
import type { AudioPart, CacheControl, ContentPart, DocumentPart, ImagePart, TextPart } from "../message-param.ts";

/** Media given as bytes, an `http(s):`/`gs:`/`data:` URL, or a base64 string (no `data:` prefix). */
export type MediaSource = Uint8Array | ArrayBuffer | string;

/** What a template accepts for `{x:image}`: media, or a ready image part. */
export type ImageInput = MediaSource | ImagePart;
/** What a template accepts for `{x:audio}`: media, or a ready audio part. */
export type AudioInput = MediaSource | AudioPart;
/** What a template accepts for `{x:document}`: media, or a ready document part. */
export type DocumentInput = MediaSource | DocumentPart;

/** The fields each part type must have (as `typeof` names), so stray objects are not taken for parts. */
const PART_FIELDS: Record<string, Record<string, string>> = {
  text: { text: "string" },
  image: {},
  audio: { mediaType: "string" },
  document: { mediaType: "string" },
  tool_call: { id: "string", name: "string" },
  tool_result: { toolCallId: "string", content: "string" },
  thinking: { thinking: "string" },
};

const EXTENSION_TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  heic: "image/heic",
  heif: "image/heif",
  wav: "audio/wav",
  mp3: "audio/mpeg",
  ogg: "audio/ogg",
  flac: "audio/flac",
  aac: "audio/aac",
  aiff: "audio/aiff",
  m4a: "audio/mp4",
  pdf: "application/pdf",
  txt: "text/plain",
  md: "text/markdown",
  html: "text/html",
  csv: "text/csv",
};

/** The media type of `bytes` from their magic numbers (images, audio, PDF), or `undefined`. */
export function sniffMediaType(bytes: Uint8Array): string | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length < 3) return undefined;
  if (bytes[0] === 0x89 && ascii(1, 4) === "PNG") return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  const head = ascii(0, 4);
  if (head === "GIF8") return "image/gif";
  if (head === "%PDF") return "application/pdf";
  if (head === "RIFF") return { WEBP: "image/webp", WAVE: "audio/wav" }[ascii(8, 12)];
  if (head === "FORM" && ascii(8, 12).startsWith("AIF")) return "audio/aiff";
  if (head === "OggS") return "audio/ogg";
  if (head === "fLaC") return "audio/flac";
  if (ascii(0, 3) === "ID3") return "audio/mpeg";
  if (ascii(4, 8) === "ftyp") return ftypMediaType(ascii(8, 12));
  if (bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0) {
    // MPEG frame sync: layer bits 00 mean ADTS (AAC), anything else an MP3 frame.
    return ((bytes[1] >> 1) & 3) === 0 ? "audio/aac" : "audio/mpeg";
  }
  return undefined;
}

function ftypMediaType(brand: string): string | undefined {
  if (brand === "heic" || brand === "heix") return "image/heic";
  if (brand === "mif1" || brand === "msf1") return "image/heif";
  if (brand.startsWith("M4A")) return "audio/mp4";
  return undefined;
}

/** A text part; `cacheControl` marks the prompt up to here as cacheable (Anthropic). */
export function text(value: string, options: { cacheControl?: CacheControl } = {}): TextPart {
  return options.cacheControl ? { type: "text", text: value, cacheControl: options.cacheControl } : { type: "text", text: value };
}

/** An image part from bytes, base64 or a URL; the media type is sniffed from bytes when omitted. */
export function image(source: MediaSource, mediaType?: string, options: { detail?: ImagePart["detail"] } = {}): ImagePart {
  const media = readMedia(source, mediaType, "image");
  if (media.data !== undefined) requireType(media.mediaType, "image");
  return compact<ImagePart>({ type: "image", ...media, detail: options.detail });
}

/** An audio part from bytes, base64 or a URL; the media type is sniffed when omitted. */
export function audio(source: MediaSource, mediaType?: string): AudioPart {
  const media = readMedia(source, mediaType, "audio");
  return compact<AudioPart>({ type: "audio", ...media, mediaType: requireType(media.mediaType, "audio") });
}

/** A document part (e.g. PDF) from bytes, base64 or a URL; the media type is sniffed when omitted. */
export function document(source: MediaSource, mediaType?: string, name?: string): DocumentPart {
  const media = readMedia(source, mediaType, "document");
  return compact<DocumentPart>({ type: "document", ...media, mediaType: requireType(media.mediaType, "document"), name });
}

/** Bytes (image, audio or PDF by their magic numbers) as the matching part. */
export function partFromBytes(bytes: Uint8Array | ArrayBuffer): ImagePart | AudioPart | DocumentPart {
  const data = toBytes(bytes);
  const mediaType = sniffMediaType(data);
  if (mediaType?.startsWith("image/")) return { type: "image", mediaType, data };
  if (mediaType?.startsWith("audio/")) return { type: "audio", mediaType, data };
  if (mediaType === "application/pdf") return { type: "document", mediaType, data };
  throw new TemplateError(
    "Cannot tell what these bytes are (not a PNG, JPEG, GIF, WebP, HEIC, WAV, MP3, AAC, OGG, FLAC, AIFF or PDF): " +
      "wrap them with image(bytes, mediaType), audio(bytes, mediaType) or document(bytes, mediaType).",
  );
}

/** True when `value` is a provider-neutral content part object. */
export function isContentPart(value: unknown): value is ContentPart {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const part = value as Record<string, unknown>;
  const fields = typeof part.type === "string" && Object.hasOwn(PART_FIELDS, part.type) ? PART_FIELDS[part.type] : undefined;
  if (!fields || !Object.entries(fields).every(([key, type]) => typeof part[key] === type)) return false;
  const media = part.type === "image" || part.type === "audio" || part.type === "document";
  return !media || part.data !== undefined || typeof part.url === "string";
}

interface Media {
  mediaType?: string;
  data?: Uint8Array | string;
  url?: string;
}

function readMedia(source: MediaSource, mediaType: string | undefined, kind: string): Media {
  if (typeof source !== "string") {
    if (!isBytes(source)) {
      throw new TemplateError(`An ${kind} must be bytes (Uint8Array/ArrayBuffer), a URL or a base64 string; got ${describe(source)}.`);
    }
    const data = toBytes(source);
    return { mediaType: mediaType ?? sniffMediaType(data), data };
  }
  if (source.startsWith("data:")) return readDataUrl(source, mediaType, kind);
  if (/^(https?|gs):\/\//i.test(source)) return { mediaType: mediaType ?? typeFromUrl(source), url: source };
  const base64 = source.replace(/\s+/g, "");
  if (base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    throw new TemplateError(`An ${kind} string must be an http(s)://, gs:// or data: URL, or base64 data; got "${source.slice(0, 40)}".`);
  }
  return { mediaType: mediaType ?? sniffBase64(base64), data: base64 };
}

function readDataUrl(source: string, mediaType: string | undefined, kind: string): Media {
  const match = /^data:([^;,]*)((?:;[^;,]*)*);base64,(.*)$/s.exec(source);
  if (!match) throw new TemplateError(`An ${kind} data: URL must be base64-encoded ("data:<type>;base64,<data>").`);
  return { mediaType: mediaType ?? (match[1] || sniffBase64(match[3])), data: match[3].replace(/\s+/g, "") };
}

function sniffBase64(base64: string): string | undefined {
  try {
    const binary = atob(base64.slice(0, 24));
    return sniffMediaType(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

function typeFromUrl(url: string): string | undefined {
  const path = url.split(/[?#]/, 1)[0];
  const dot = path.lastIndexOf(".");
  return dot < 0 || dot < path.lastIndexOf("/") ? undefined : EXTENSION_TYPES[path.slice(dot + 1).toLowerCase()];
}

function requireType(mediaType: string | undefined, kind: string): string {
  if (mediaType) return mediaType;
  const example = { image: "image/png", audio: "audio/wav", document: "application/pdf" }[kind];
  throw new TemplateError(`Cannot tell the media type of this ${kind}: pass it, e.g. ${kind}(source, "${example}").`);
}

/** Drops keys whose value is `undefined`, so parts compare and serialise cleanly. */
function compact<T extends object>(part: { [K in keyof T]?: T[K] | undefined }): T {
  for (const key of Object.keys(part) as (keyof T)[]) if (part[key] === undefined) delete part[key];
  return part as T;
}

/** True for a `Uint8Array` (or a subclass, as Node's byte buffers are) or an `ArrayBuffer`, from any realm. */
export function isBytes(value: unknown): value is Uint8Array | ArrayBuffer {
  const tag = Object.prototype.toString.call(value);
  return tag === "[object Uint8Array]" || tag === "[object ArrayBuffer]";
}

function toBytes(source: Uint8Array | ArrayBuffer): Uint8Array {
  if (!ArrayBuffer.isView(source)) return new Uint8Array(source);
  // A plain view (not a subclass, such as Node's byte buffers), sharing memory: no copy.
  return source.constructor === Uint8Array ? source : new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return (value as object).constructor?.name ?? "object";
  return typeof value;
}
