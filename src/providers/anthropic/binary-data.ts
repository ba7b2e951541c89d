import type { BinaryData } from "../../core/message-param";

const CHUNK = 0x8000;

/** Base64 of bytes with `btoa` (no `Buffer`), in slices so large files do not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** Neutral binary data (bytes, or a base64 string) as base64. */
export function toBase64(data: BinaryData): string {
  return typeof data === "string" ? data : bytesToBase64(data);
}

/** Neutral binary data as UTF-8 text (for plain-text documents). */
export function toText(data: BinaryData): string {
  const bytes = typeof data === "string" ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) : data;
  return new TextDecoder().decode(bytes);
}
