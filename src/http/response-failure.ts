import type { PromptcallError } from "../errors/promptcall-error.ts";
import { readText } from "./read-text.ts";
import type { ErrorMapper } from "./send-request.ts";

/** The most bytes of an error body read: 1 MiB (the rest is dropped). */
export const MAX_ERROR_BODY_BYTES = 1024 * 1024;

/**
 * The provider's error for a non-2xx answer, built from the first MiB of its (guarded) body. An
 * unreadable body still leaves the status to tell what happened.
 */
export async function responseFailure(
  response: Response,
  body: ReadableStream<Uint8Array> | undefined,
  toError: ErrorMapper,
  secrets: readonly string[],
): Promise<PromptcallError> {
  const text = await readText(body ?? null, MAX_ERROR_BODY_BYTES).catch(() => "");
  return toError(response, text, secrets);
}
