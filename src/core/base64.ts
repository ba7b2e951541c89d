// Base64 helpers shared by every provider (web globals only: `btoa`, `atob`, `TextDecoder`).
import type { BinaryData } from "./message-param.ts";

const CHUNK = 0x8000;

/** Base64 of bytes with web globals only (`btoa`), in slices so large files do not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** Base64 of binary data given as bytes or already as base64 (no `data:` prefix). */
export function toBase64(data: BinaryData): string {
  return typeof data === "string" ? data : bytesToBase64(data);
}

/** A `data:` URL of binary data. */
export function dataUrl(mediaType: string, data: BinaryData): string {
  return `data:${mediaType};base64,${toBase64(data)}`;
}

/** The UTF-8 text of binary data given as bytes or base64. */
export function decodeText(data: BinaryData): string {
  const bytes = typeof data === "string" ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) : data;
  return new TextDecoder().decode(bytes);
}
