/** Reads a `true`, `false` or `null` across chunks for the partial-JSON parser, one letter at a time. */
import type { FailFn } from "./partial-json-string.ts";

/** Each literal's word and value, by the code of its first letter. */
const LITERALS: Record<number, [string, unknown]> = { 0x74: ["true", true], 0x66: ["false", false], 0x6e: ["null", null] };

/** The literal being read; `done` once its last letter has arrived. */
export class JsonLiteralReader {
  /** Characters examined (for the parser's linearity probe). */
  steps = 0;
  /** The literal's value (`true`, `false` or `null`). */
  value: unknown = null;
  private word = "";
  private index = 0;
  private readonly fail: FailFn;

  constructor(fail: FailFn) {
    this.fail = fail;
  }

  /** Starts a literal whose first letter (already read) has code `c`; false when no literal starts with it. */
  begin(c: number): boolean {
    const literal = LITERALS[c];
    if (!literal) return false;
    [this.word, this.value] = literal;
    this.index = 1;
    return true;
  }

  /** Whether the whole word has been read. */
  get done(): boolean {
    return this.index === this.word.length;
  }

  /** Reads the literal's next letters from `i`; returns the next index. */
  read(text: string, i: number): number {
    const word = this.word;
    while (i < text.length && this.index < word.length) {
      this.steps++;
      if (text.charCodeAt(i) !== word.charCodeAt(this.index)) return this.fail(text, i, `the literal ${word}`);
      this.index++;
      i++;
    }
    return i;
  }
}
