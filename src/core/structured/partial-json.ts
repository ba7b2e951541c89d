/**
 * An incremental JSON parser for streamed model output. Each `push` runs a state machine over the
 * new characters only (the stack of open containers survives between pushes), so the total work is
 * linear in the length of the output.
 *
 * Snapshot choice: the partial value is one live tree. `value` always returns the same root object
 * (or array), mutated in place as text arrives: a new key is assigned once its value starts, an
 * array element is pushed, and the one string being read is reassigned with its longer text (V8 and
 * friends concatenate ropes, so growing a string is cheap). Nothing is copied per push; a consumer
 * that wants to keep an old snapshot pays for a copy with `snapshot()` (`structuredClone`).
 *
 * What a snapshot shows, so that it never moves backward:
 * - a string appears as `""` when its opening quote arrives and only grows (a high surrogate is held
 *   back until its low half arrives, escapes are decoded as soon as they are complete);
 * - a number appears once a delimiter follows it (or at `end()` for a bare number);
 * - `true`, `false`, `null` appear once their last letter arrives;
 * - an object key appears when its value starts (`{}`/`[]` at once, `""` for a string…), never
 *   while the key itself is still arriving; arrays only gain elements.
 */
import { NUM_REJECT, NUM_START, numberComplete, numberStep } from "./partial-json-number.ts";
import { describeChar, isJsonWhitespace, setOwn } from "./partial-json-chars.ts";
import { JsonStringReader } from "./partial-json-string.ts";
import { ParseError } from "../../errors/index.ts";

type Container = Record<string, unknown> | unknown[];

const VALUE = 0; // a value must come next
const ARRAY_START = 1; // after `[`: a value or `]`
const OBJECT_START = 2; // after `{`: a key or `}`
const KEY = 3; // after `,` in an object: a key
const COLON = 4;
const AFTER_VALUE = 5; // inside a container, after a value: `,` or the closing bracket
const STRING = 6; // inside a key or a string value
const NUMBER = 7;
const LITERAL = 8; // inside true / false / null
const DONE = 9; // the root value is complete
const PREAMBLE = 10; // lenient mode: text before the first `{` or `[`

const LITERALS: Record<number, [string, unknown]> = { 0x74: ["true", true], 0x66: ["false", false], 0x6e: ["null", null] };

/** Options for `PartialJsonParser`. */
export interface PartialJsonParserOptions {
  /**
   * Skip anything before the first `{` or `[` (a markdown code fence, a sentence) and ignore
   * anything after the root value closes. The root must then be an object or an array.
   */
  lenient?: boolean;
}

/** Incremental JSON parser: `push` fragments, read the live deep-partial `value`, `end()` for the final value. */
export class PartialJsonParser {
  /** Increases by one after every `push` that changed `value`. */
  version = 0;
  private state: number;
  private readonly lenient: boolean;
  private readonly stack: Container[] = [];
  private readonly keys: string[] = [];
  private root: unknown = undefined;
  private raw = "";
  private offset = 0;
  private failure: Error | undefined;
  private changed = false;
  private ownSteps = 0;
  // The string being read, whether it is a key, and where a value string lives.
  private readonly str = new JsonStringReader((text, i, expected) => this.fail(text, i, expected));
  private inKey = false;
  private holder: Container | undefined;
  private slot: string | number = 0;
  // The number or literal being read.
  private numState = NUM_START;
  private numText = "";
  private litWord = "";
  private litValue: unknown = null;
  private litIndex = 0;

  constructor(options: PartialJsonParserOptions = {}) {
    this.lenient = options.lenient === true;
    this.state = this.lenient ? PREAMBLE : VALUE;
  }

  /** Characters examined so far: at most the input length plus one per number (a linearity probe for tests). */
  get steps(): number {
    return this.ownSteps + this.str.steps;
  }

  /** The current deep-partial value: the same live object on every read (undefined before any value starts). */
  get value(): unknown {
    return this.root;
  }

  /** Whether the root value is complete. */
  get done(): boolean {
    return this.state === DONE;
  }

  /** All text pushed so far. */
  get text(): string {
    return this.raw;
  }

  /** A deep copy of the current value, for a consumer that keeps snapshots (costs O(size)). */
  snapshot(): unknown {
    return this.root === undefined ? undefined : structuredClone(this.root);
  }

  /** Parses one more fragment; returns whether `value` changed. Throws `ParseError` on invalid JSON. */
  push(text: string): boolean {
    if (this.failure) throw this.failure;
    this.raw += text;
    this.changed = false;
    let i = 0;
    try {
      while (i < text.length) i = this.step(text, i);
    } catch (error) {
      this.failure = error as Error;
      throw error;
    }
    this.flushString();
    this.offset += text.length;
    if (this.changed) this.version++;
    return this.changed;
  }

  /** The complete value. Throws `ParseError` if the text so far is not one complete JSON value. */
  end(): unknown {
    if (this.failure) throw this.failure;
    if (this.state === NUMBER && this.stack.length === 0 && numberComplete(this.numState)) this.completeNumber();
    if (this.state !== DONE) {
      const inside = this.state === PREAMBLE ? "before any JSON object or array" : "in the middle of a value";
      this.failure = new ParseError(
        `Unexpected end of JSON input after ${this.offset} characters: the text stopped ${inside}. ` +
          "The output was probably cut off (check the finish reason and max tokens).",
        { raw: this.raw },
      );
      throw this.failure;
    }
    return this.root;
  }

  private step(text: string, i: number): number {
    switch (this.state) {
      case STRING:
        return this.readString(text, i);
      case NUMBER:
        return this.scanNumber(text, i);
      case LITERAL:
        return this.readLiteral(text, i);
      case PREAMBLE:
        return this.skipPreamble(text, i);
      default:
        return this.structural(text, i);
    }
  }

  private structural(text: string, i: number): number {
    let c = text.charCodeAt(i);
    while (isJsonWhitespace(c)) {
      this.ownSteps++;
      if (++i >= text.length) return i;
      c = text.charCodeAt(i);
    }
    this.ownSteps++;
    switch (this.state) {
      case ARRAY_START:
        return c === 0x5d ? this.close(i) : this.startValue(text, i, c);
      case VALUE:
        return this.startValue(text, i, c);
      // biome-ignore lint/suspicious/noFallthroughSwitchClause: after "{" anything but "}" must be a key, as in KEY
      case OBJECT_START:
        if (c === 0x7d) return this.close(i);
      case KEY:
        if (c !== 0x22) return this.fail(text, i, "a property name in double quotes");
        this.beginString(true);
        return i + 1;
      case COLON:
        if (c !== 0x3a) return this.fail(text, i, "':' after a property name");
        this.state = VALUE;
        return i + 1;
      case AFTER_VALUE:
        return this.afterValue(text, i, c);
      default: // DONE
        if (this.lenient) {
          this.ownSteps += text.length - i - 1;
          return text.length;
        }
        return this.fail(text, i, "nothing after the JSON value");
    }
  }

  private startValue(text: string, i: number, c: number): number {
    if (c === 0x7b) return this.open({}, OBJECT_START, i);
    if (c === 0x5b) return this.open([], ARRAY_START, i);
    if (c === 0x22) {
      this.beginString(false);
      return i + 1;
    }
    const literal = LITERALS[c];
    if (literal) {
      [this.litWord, this.litValue] = literal;
      this.litIndex = 1;
      this.state = LITERAL;
      return i + 1;
    }
    const next = numberStep(NUM_START, c);
    if (next === NUM_REJECT) return this.fail(text, i, "a JSON value");
    this.numState = next;
    this.numText = text.charAt(i);
    this.state = NUMBER;
    return i + 1;
  }

  private afterValue(text: string, i: number, c: number): number {
    const isArray = Array.isArray(this.stack[this.stack.length - 1]);
    if (c === 0x2c) {
      this.state = isArray ? VALUE : KEY;
      return i + 1;
    }
    if (c === (isArray ? 0x5d : 0x7d)) return this.close(i);
    return this.fail(text, i, isArray ? "',' or ']'" : "',' or '}'");
  }

  private open(container: Container, state: number, i: number): number {
    this.attach(container);
    this.stack.push(container);
    this.keys.push("");
    this.state = state;
    return i + 1;
  }

  private close(i: number): number {
    this.stack.pop();
    this.keys.pop();
    this.valueDone();
    return i + 1;
  }

  private valueDone(): void {
    this.state = this.stack.length > 0 ? AFTER_VALUE : DONE;
  }

  /** Puts a value that has started into its parent (or makes it the root), remembering where. */
  private attach(value: unknown): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent === undefined) {
      this.root = value;
    } else if (Array.isArray(parent)) {
      this.slot = parent.length;
      parent.push(value);
    } else {
      this.slot = this.keys[this.keys.length - 1];
      setOwn(parent, this.slot, value);
    }
    this.holder = parent;
    this.changed = true;
  }

  private beginString(isKey: boolean): void {
    this.inKey = isKey;
    this.str.reset();
    this.state = STRING;
    if (!isKey) this.attach("");
  }

  private readString(text: string, i: number): number {
    const next = this.str.read(text, i);
    if (!this.str.closed) return next;
    const complete = this.str.complete;
    if (this.inKey) {
      this.keys[this.keys.length - 1] = complete;
      this.state = COLON;
    } else {
      if (this.str.dirty || complete.length !== this.str.text.length) this.publish(complete);
      this.valueDone();
    }
    return next;
  }

  /** At the end of a push, shows the value string read so far. */
  private flushString(): void {
    if (this.state === STRING && !this.inKey && this.str.dirty) {
      this.publish(this.str.text);
      this.str.dirty = false;
    }
  }

  private publish(text: string): void {
    const holder = this.holder;
    if (holder === undefined) this.root = text;
    else if (Array.isArray(holder)) holder[this.slot as number] = text;
    else setOwn(holder, this.slot as string, text);
    this.changed = true;
  }

  private scanNumber(text: string, i: number): number {
    const n = text.length;
    let j = i;
    while (j < n) {
      const next = numberStep(this.numState, text.charCodeAt(j));
      if (next === NUM_REJECT) break;
      this.numState = next;
      j++;
    }
    this.ownSteps += j - i + (j < n ? 1 : 0);
    if (j > i) this.numText += text.slice(i, j);
    if (j < n) {
      if (!numberComplete(this.numState)) this.fail(text, j, "a digit to complete the number");
      this.completeNumber();
    }
    return j;
  }

  /** Shows a complete number; its delimiter is left for the structural state to read. */
  private completeNumber(): void {
    this.attach(Number(this.numText));
    this.numText = "";
    this.valueDone();
  }

  private readLiteral(text: string, i: number): number {
    const word = this.litWord;
    while (i < text.length && this.litIndex < word.length) {
      this.ownSteps++;
      if (text.charCodeAt(i) !== word.charCodeAt(this.litIndex)) return this.fail(text, i, `the literal ${word}`);
      this.litIndex++;
      i++;
    }
    if (this.litIndex === word.length) {
      this.attach(this.litValue);
      this.valueDone();
    }
    return i;
  }

  private skipPreamble(text: string, i: number): number {
    let j = i;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === 0x7b || c === 0x5b) break;
      j++;
    }
    this.ownSteps += j - i;
    if (j < text.length) this.state = VALUE;
    return j;
  }

  private fail(text: string, i: number, expected: string): never {
    throw new ParseError(
      `Invalid JSON at position ${this.offset + i}: unexpected ${describeChar(text, i)}, expected ${expected}. ` +
        "The model's output is not valid JSON; its raw text is on the error's `raw`.",
      { raw: this.raw },
    );
  }
}
