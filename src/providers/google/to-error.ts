import type { APIError } from "../../errors/api-error.ts";

/**
 * Maps a failed Gemini response to the right `APIError` subclass: Google's error envelope gives the
 * message and `type`, a `RetryInfo` detail `retryAfterMs`, a per-day `QuotaFailure` a non-retryable
 * error, and an `API_KEY_INVALID` reason an `AuthenticationError`. Async: the mapping and the error
 * classes load with the first failed request.
 */
export async function googleToError(response: Response, bodyText: string, secrets: readonly string[]): Promise<APIError> {
  return (await import("./response-error.ts")).responseError(response, bodyText, secrets);
}
