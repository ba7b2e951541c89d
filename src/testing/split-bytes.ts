import { seededRandom } from "./seeded-random.ts";

/** How {@link splitBytes} cuts: a seed and the largest piece (default 64 bytes). */
export interface SplitOptions {
  seed: number;
  maxChunkSize?: number;
}

/**
 * Cuts `bytes` into pieces of 1..maxChunkSize bytes at seeded random offsets. Cuts ignore
 * characters and lines, so they land inside multi-byte UTF-8 sequences and between "\r" and "\n".
 *
 * @example
 * splitBytes(new TextEncoder().encode("data: é\r\n\r\n"), { seed: 7, maxChunkSize: 3 })
 */
export function splitBytes(bytes: Uint8Array, options: SplitOptions): Uint8Array[] {
  const max = Math.max(1, Math.floor(options.maxChunkSize ?? 64));
  const random = seededRandom(options.seed);
  const pieces: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; ) {
    const end = Math.min(bytes.length, start + 1 + Math.floor(random() * max));
    pieces.push(bytes.slice(start, end));
    start = end;
  }
  return pieces;
}
