import type { GoogleErrorBody } from "./api.ts";

/**
 * Whether a body or a stream event is Google's error envelope `{ error: { code, message, status } }`
 * rather than a `GenerateContentResponse`. Eager and tiny; its errors load through the `failures` seam.
 */
export function isErrorBody(raw: object): raw is GoogleErrorBody {
  const error = (raw as { error?: unknown }).error;
  return typeof error === "object" && error !== null;
}
