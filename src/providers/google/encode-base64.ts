const CHUNK = 0x8000;

/** Base64 of bytes with web globals only (`btoa`), in slices so large files do not overflow the call stack. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}
