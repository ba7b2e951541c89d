// The errors of a failed body read, imported only when one fails.
import { ParseError } from "../errors/index.ts";
import { PromptcallError } from "../errors/index.ts";
import { NetworkError } from "../errors/index.ts";
import { redactError, redactSecrets } from "../errors/redact-secrets.ts";

const PREVIEW = 64 * 1024;

/** The `ParseError` for a body longer than `limit` bytes; `raw` keeps the start of the chunk that crossed it. */
export function bodyTooLarge(provider: string, limit: number, chunk: Uint8Array): ParseError {
  return new ParseError(
    `${provider}'s response body exceeds ${limit} bytes, more than any answer should be; the server probably sent something else. The start is on \`raw\`.`,
    { raw: new TextDecoder().decode(chunk.subarray(0, PREVIEW)) },
  );
}

/** A failed body read as a typed error: aborts and promptcall errors pass through, the rest become a `NetworkError` keeping the real cause. */
export function bodyReadFailure(error: unknown, provider: string, secrets: readonly string[] = []): unknown {
  if ((error as { name?: unknown } | null)?.name === "AbortError" || PromptcallError.isInstance(error)) return error;
  return new NetworkError(
    `The connection dropped: ${provider}'s response body failed (${redactSecrets(describeCause(error), secrets)}). The text received so far is on \`content\`; retry the call.`,
    { cause: redactError(error, secrets) },
  );
}

/** "message (cause's message)" down the cause chain, e.g. "terminated (other side closed)". */
export function describeCause(error: unknown): string {
  const parts: string[] = [];
  for (let e = error, i = 0; e !== undefined && e !== null && i < 4; e = (e as { cause?: unknown }).cause, i++) {
    const text = e instanceof Error ? e.message || e.name : typeof e === "string" ? e : "";
    if (text && !parts.includes(text)) parts.push(text);
    if (typeof e !== "object") break;
  }
  return parts.length ? parts[0] + (parts.length > 1 ? ` (${parts.slice(1).join("; ")})` : "") : "unknown error";
}
