/**
 * The JSON number grammar as a tiny state machine, so a number split across chunks is checked
 * one character at a time without re-scanning:
 * `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
 */

/** Number states; the ones in `COMPLETE` may end the number. */
export const NUM_START = 0;
const NUM_MINUS = 1;
const NUM_ZERO = 2;
const NUM_INT = 3;
const NUM_DOT = 4;
const NUM_FRAC = 5;
const NUM_EXP = 6;
const NUM_EXP_SIGN = 7;
const NUM_EXP_DIGITS = 8;

/** Returned by `numberStep` when the character cannot continue the number. */
export const NUM_REJECT = -1;

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** The next number state after reading character code `c`, or `NUM_REJECT`. */
export function numberStep(state: number, c: number): number {
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
export function numberComplete(state: number): boolean {
  return state === NUM_ZERO || state === NUM_INT || state === NUM_FRAC || state === NUM_EXP_DIGITS;
}
