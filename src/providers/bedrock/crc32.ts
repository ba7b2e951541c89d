/** The CRC-32 table (IEEE 802.3, reflected polynomial 0xEDB88320), built once on first use. */
let table: Uint32Array | undefined;

function buildTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

/**
 * CRC-32 of `bytes[start, end)`, continuing from `previous` (the CRC of the bytes before), as the
 * AWS event-stream encoding uses it: the message CRC covers the prelude and its CRC too.
 *
 * @example
 * crc32(new TextEncoder().encode("123456789")); // 0xcbf43926
 */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length, previous = 0): number {
  table ??= buildTable();
  const t = table;
  let crc = ~previous;
  for (let i = start; i < end; i++) crc = t[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}
