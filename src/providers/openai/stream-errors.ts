/**
 * The `ParseError` for a stream event whose data is not JSON (the text, cut at 2 KB, is on `raw`).
 * Imported with the error class only when one happens.
 */
export async function eventJsonError(data: string, provider: string, cause: unknown): Promise<Error> {
  const { ParseError } = await import("../../errors/parse-error.ts");
  return new ParseError(`${provider} sent a stream event that is not valid JSON (the text is on \`raw\`).`, {
    raw: data.length > 2048 ? `${data.slice(0, 2048)}…` : data,
    cause,
  });
}

/** The error object of a Chat Completions error event (`data: {"error": {...}}`), if it is one. */
export function chatErrorOf(raw: unknown): Record<string, unknown> | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const error = (raw as { error?: unknown }).error;
  if (typeof error === "object" && error !== null) return error as Record<string, unknown>;
  if (typeof error === "string") return { message: error };
  return undefined;
}
