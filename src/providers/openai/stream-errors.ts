import { ParseError } from "../../errors/parse-error";

/** Parses one SSE data payload; malformed JSON ends the stream with a `ParseError` keeping the text. */
export function parseEventData(data: string, provider: string): unknown {
  try {
    return JSON.parse(data);
  } catch (cause) {
    throw new ParseError(
      `${provider} sent a stream event that is not valid JSON (the text is on \`raw\`).`,
      { raw: data.length > 2048 ? `${data.slice(0, 2048)}…` : data, cause },
    );
  }
}

/** The error object of a Chat Completions error event (`data: {"error": {...}}`), if it is one. */
export function chatErrorOf(raw: unknown): Record<string, unknown> | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const error = (raw as { error?: unknown }).error;
  if (typeof error === "object" && error !== null) return error as Record<string, unknown>;
  if (typeof error === "string") return { message: error };
  return undefined;
}
