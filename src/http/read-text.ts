/** Reads a body as UTF-8 text, at most `maxBytes` of it (the rest is cancelled, not read). */
export async function readText(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<string> {
  if (!body) return "";
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      const room = maxBytes - bytes;
      bytes += value.byteLength;
      if (value.byteLength >= room) {
        await reader.cancel().catch(() => {});
        return text + decoder.decode(value.subarray(0, room));
      }
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    reader.releaseLock();
  }
}
