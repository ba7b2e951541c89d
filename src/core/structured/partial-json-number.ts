/**
 * Reads one JSON number across chunks for the partial-JSON parser. The grammar is a tiny state
 * machine, so a number split across chunks is checked one character at a time without re-scanning:
 * `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
 */

// Number states; `numberComplete` says which may end the number.
const NUM_START = 0;
const NUM_MINUS = 1;
const NUM_ZERO = 2;
const NUM_INT = 3;
const NUM_DOT = 4;
const NUM_FRAC = 5;
const NUM_EXP = 6;
const NUM_EXP_SIGN = 7;
const NUM_EXP_DIGITS = 8;

/** Returned by `numberStep` when the character cannot continue the number. */
const NUM_REJECT = -1;

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** The next number state after reading character code `c`, or `NUM_REJECT`. */
function numberStep(state: number, c: number): number {
  switch (state) {
    case NUM_START:
      if (c === 0x2d) return NUM_MINUS;
      return c === 0x30 ? NUM_ZERO : isDigit(c) ? NUM_INT : NUM_REJECT;
    case NUM_MINUS:
      return c === 0x30 ? NUM_ZERO : isDigit(c) ? NUM_INT : NUM_REJECT;
    case NUM_ZERO:
    case NUM_INT:
      if (c === 0x2e) return NUM_DOT;
      if (c === 0x65 || c === 0x45) return NUM_EXP;
      return state === NUM_INT && isDigit(c) ? NUM_INT : NUM_REJECT;
    case NUM_DOT:
      return isDigit(c) ? NUM_FRAC : NUM_REJECT;
    case NUM_FRAC:
      if (c === 0x65 || c === 0x45) return NUM_EXP;
      return isDigit(c) ? NUM_FRAC : NUM_REJECT;
    case NUM_EXP:
      if (c === 0x2b || c === 0x2d) return NUM_EXP_SIGN;
      return isDigit(c) ? NUM_EXP_DIGITS : NUM_REJECT;
    case NUM_EXP_SIGN:
    case NUM_EXP_DIGITS:
      return isDigit(c) ? NUM_EXP_DIGITS : NUM_REJECT;
    default:
      return NUM_REJECT;
  }
}

/** Whether a number in `state` is a complete JSON number (it may end here). */
function numberComplete(state: number): boolean {
  return state === NUM_ZERO || state === NUM_INT || state === NUM_FRAC || state === NUM_EXP_DIGITS;
}

/** The number being read: its grammar state and its text so far. */
export class JsonNumberReader {
  /** Characters examined (for the parser's linearity probe). */
  steps = 0;
  private state = NUM_START;
  private text = "";

  /** Starts a number at `text[i]`; false when that character cannot start one. */
  begin(text: string, i: number): boolean {
    const next = numberStep(NUM_START, text.charCodeAt(i));
    if (next === NUM_REJECT) return false;
    this.state = next;
    this.text = text.charAt(i);
    return true;
  }

  /** Reads the number's characters from `i`; returns the index of the first one that cannot continue it (or the end). */
  read(text: string, i: number): number {
    const n = text.length;
    let j = i;
    while (j < n) {
      const next = numberStep(this.state, text.charCodeAt(j));
      if (next === NUM_REJECT) break;
      this.state = next;
      j++;
    }
    this.steps += j - i + (j < n ? 1 : 0);
    if (j > i) this.text += text.slice(i, j);
    return j;
  }

  /** Whether the characters read so far are a complete JSON number. */
  get complete(): boolean {
    return numberComplete(this.state);
  }

  /** The number read (once complete); clears its text for the next one. */
  take(): number {
    const value = Number(this.text);
    this.text = "";
    return value;
  }
}
