import type { PromptcallError } from "../../errors/promptcall-error.ts";

/**
 * Maps a failed Messages API response (https://docs.anthropic.com/en/api/errors) to a typed error:
 * the envelope `{ type: "error", error: { type, message }, request_id }` gives message and type, the
 * `request-id` header (or `request_id`) the request id, and 529 `overloaded_error` a retryable
 * `OverloadedError`.
 */
export async function toError(response: Response, bodyText: string, secrets: readonly string[]): Promise<PromptcallError> {
  const envelope = readEnvelope(bodyText);
  // The error classes load with the first failed request.
  const { apiErrorFromResponse } = await import("../../http/api-error-from-response.ts");
  return apiErrorFromResponse({
    provider: "anthropic",
    response,
    bodyText,
    secrets,
    message: envelope?.message,
    type: envelope?.type,
  });
}

function readEnvelope(text: string): { type?: string; message?: string } | undefined {
  try {
    const body = JSON.parse(text) as { error?: { type?: unknown; message?: unknown } };
    const error = body?.error;
    if (typeof error !== "object" || error === null) return undefined;
    return {
      type: typeof error.type === "string" ? error.type : undefined,
      message: typeof error.message === "string" ? error.message : undefined,
    };
  } catch {
    return undefined;
  }
}
