/** The `ParseError`s of the partial-JSON parser: invalid JSON at a position, and text that stopped too early. */
import { ParseError } from "../../errors/index.ts";

/** Invalid JSON: character `i` of `text`, at `position` in the whole output `raw`, is not what the grammar expects. */
export function invalidJson(raw: string, position: number, text: string, i: number, expected: string): ParseError {
  return new ParseError(
    `Invalid JSON at position ${position}: unexpected ${describeChar(text, i)}, expected ${expected}. ` +
      "The model's output is not valid JSON; its raw text is on the error's `raw`.",
    { raw },
  );
}

/** The output `raw` ended before its JSON value did (after `length` characters, possibly before any JSON started). */
export function truncatedJson(raw: string, length: number, beforeJson: boolean): ParseError {
  const inside = beforeJson ? "before any JSON object or array" : "in the middle of a value";
  return new ParseError(
    `Unexpected end of JSON input after ${length} characters: the text stopped ${inside}. ` +
      "The output was probably cut off (check the finish reason and max tokens).",
    { raw },
  );
}

/** A character for an error message: quoted, with invisible ones spelled out. */
function describeChar(text: string, i: number): string {
  const code = text.charCodeAt(i);
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).padStart(4, "0")}`;
  return JSON.stringify(text.charAt(i));
}
