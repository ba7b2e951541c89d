import type { ParseErrorOptions } from "../errors/parse-error.ts";
import { failures } from "../http/seams.ts";

/** A `ParseError` for a body the call cannot use (the error class loads only when one happens). */
export async function bodyParseError(message: string, options: ParseErrorOptions): Promise<Error> {
  return new (await failures()).ParseError(message, options);
}

/** Reads a non-streaming answer as JSON; malformed text ends in a `ParseError` that keeps it on `raw`. */
export async function readJsonBody(http: Response, provider: string): Promise<unknown> {
  const text = await http.text();
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw await bodyParseError(`${provider} answered with invalid JSON (the text is on \`raw\`).`, { raw: text, cause });
  }
}
