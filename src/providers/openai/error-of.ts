/**
 * The error object of an OpenAI-style error body (`{"error": {...}}`, or `{"error": "text"}`), if it is
 * one: how a Chat Completions stream event or a 2xx body says it failed.
 */
export function errorOf(raw: unknown): Record<string, unknown> | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const error = (raw as { error?: unknown }).error;
  if (typeof error === "object" && error !== null) return error as Record<string, unknown>;
  if (typeof error === "string") return { message: error };
  return undefined;
}
