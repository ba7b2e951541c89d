/**
 * Reads the body of one JSON string across chunks for the partial-JSON parser: decodes escapes
 * (also when a chunk ends inside `\uXXXX`) and holds back a trailing high surrogate until its low
 * half arrives, so the visible text only ever grows by whole characters.
 */

/** Reports invalid input; never returns. */
export type FailFn = (text: string, i: number, expected: string) => never;

/** What each single-character escape (`\n`, `\"` …) stands for, by the escape letter's code. */
const SIMPLE_ESCAPES: Record<number, string> = {
  0x22: '"',
  0x5c: "\\",
  0x2f: "/",
  0x62: "\b",
  0x66: "\f",
  0x6e: "\n",
  0x72: "\r",
  0x74: "\t",
};

const TEXT = 0;
const ESCAPE = 1; // after a backslash
const UNICODE = 2; // inside \uXXXX

/** The state of one string being read; `reset()` starts the next. */
export class JsonStringReader {
  /** The decoded text so far, without a held-back high surrogate. */
  text = "";
  /** Whether `text` grew since the owner last cleared this flag. */
  dirty = false;
  /** Whether the closing quote has been read. */
  closed = false;
  /** Characters examined (for the parser's linearity probe). */
  steps = 0;
  private mode = TEXT;
  private high = "";
  private hex = 0;
  private hexCount = 0;
  private readonly fail: FailFn;

  constructor(fail: FailFn) {
    this.fail = fail;
  }

  /** Starts a new string (its opening quote has just been read). */
  reset(): void {
    this.text = "";
    this.high = "";
    this.dirty = false;
    this.closed = false;
    this.mode = TEXT;
  }

  /** The whole string once closed (a lone high surrogate at the very end is kept, as JSON.parse does). */
  get complete(): string {
    return this.high ? this.text + this.high : this.text;
  }

  /** Reads from `i` up to and including the closing quote, or to the end of `text`; returns the next index. */
  read(text: string, i: number): number {
    while (i < text.length && !this.closed) {
      if (this.mode === TEXT) i = this.scan(text, i);
      else if (this.mode === ESCAPE) i = this.escape(text, i);
      else i = this.unicode(text, i);
    }
    return i;
  }

  private scan(text: string, i: number): number {
    const n = text.length;
    let j = i;
    let c = 0;
    while (j < n) {
      c = text.charCodeAt(j);
      if (c === 0x22 || c === 0x5c || c < 0x20) break;
      j++;
    }
    this.steps += j - i + (j < n ? 1 : 0);
    if (j > i) this.append(text.slice(i, j));
    if (j === n) return j;
    if (c === 0x22) this.closed = true;
    else if (c === 0x5c) this.mode = ESCAPE;
    else this.fail(text, j, "no raw control characters inside a string (they must be escaped)");
    return j + 1;
  }

  private escape(text: string, i: number): number {
    const c = text.charCodeAt(i);
    this.steps++;
    if (c === 0x75) {
      this.mode = UNICODE;
      this.hex = 0;
      this.hexCount = 0;
      return i + 1;
    }
    const decoded = SIMPLE_ESCAPES[c];
    if (decoded === undefined) this.fail(text, i, 'a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
    this.append(decoded);
    this.mode = TEXT;
    return i + 1;
  }

  private unicode(text: string, i: number): number {
    while (i < text.length && this.hexCount < 4) {
      const digit = hexDigit(text.charCodeAt(i));
      this.steps++;
      if (digit < 0) this.fail(text, i, "four hex digits after \\u");
      this.hex = this.hex * 16 + digit;
      this.hexCount++;
      i++;
    }
    if (this.hexCount === 4) {
      this.append(String.fromCharCode(this.hex));
      this.mode = TEXT;
    }
    return i;
  }

  /** Adds decoded text, holding back a trailing high surrogate (pieces are chunk-sized, so this stays linear). */
  private append(piece: string): void {
    if (this.high) {
      piece = this.high + piece;
      this.high = "";
    }
    const last = piece.charCodeAt(piece.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.high = piece.charAt(piece.length - 1);
      piece = piece.slice(0, -1);
      if (!piece) return;
    }
    this.text += piece;
    this.dirty = true;
  }
}

function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  return -1;
}
