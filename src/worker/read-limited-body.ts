/**
 * The body as bytes; "too-large" as soon as it passes `maxBytes` (whatever content-length said);
 * "too-slow" when the whole body has not arrived within `timeoutMs` (a client trickling bytes
 * would otherwise hold the connection open for as long as it likes).
 */
export async function readLimitedBody(
  request: Request,
  maxBytes: number,
  timeoutMs = Number.POSITIVE_INFINITY,
): Promise<Uint8Array<ArrayBuffer> | "too-large" | "too-slow"> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) return "too-large";
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<"too-slow">((resolve) => {
    if (timeoutMs !== Number.POSITIVE_INFINITY) timer = setTimeout(() => resolve("too-slow"), Math.min(timeoutMs, 2 ** 31 - 1));
  });
  try {
    while (true) {
      const result = await Promise.race([reader.read(), late]);
      if (result !== "too-slow" && result.done) break;
      if (result !== "too-slow") total += result.value.byteLength;
      if (result === "too-slow" || total > maxBytes) {
        reader.cancel().catch(() => undefined);
        return result === "too-slow" ? result : "too-large";
      }
      parts.push(result.value);
    }
  } finally {
    clearTimeout(timer);
  }
  reader.releaseLock();
  return concat(parts, total);
}

function concat(parts: Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
