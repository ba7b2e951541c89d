/**
 * An incremental JSON parser for streamed model output. Each `push` runs a state machine over the
 * new characters only (the stack of open containers survives between pushes), so the total work is
 * linear in the length of the output. The partial value is one live tree (`partial-json-tree.ts`):
 * nothing is copied per push; a consumer that keeps old snapshots pays for a copy with `snapshot()`.
 *
 * What a snapshot shows, so that it never moves backward:
 * - a string appears as `""` when its opening quote arrives and only grows (a high surrogate is held
 *   back until its low half arrives, escapes are decoded as soon as they are complete);
 * - a number appears once a delimiter follows it (or at `end()` for a bare number);
 * - `true`, `false`, `null` appear once their last letter arrives;
 * - an object key appears when its value starts (`{}`/`[]` at once, `""` for a string…), never
 *   while the key itself is still arriving; arrays only gain elements.
 */
import { isJsonWhitespace } from "./partial-json-chars.ts";
import { invalidJson, truncatedJson } from "./partial-json-errors.ts";
import { JsonLiteralReader } from "./partial-json-literal.ts";
import { JsonNumberReader } from "./partial-json-number.ts";
import { JsonStringReader } from "./partial-json-string.ts";
import { PartialJsonTree } from "./partial-json-tree.ts";

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
  private readonly tree = new PartialJsonTree();
  private raw = "";
  private offset = 0;
  private failure: Error | undefined;
  private ownSteps = 0;
  // The string being read (and whether it is a key), the number, the literal.
  private readonly str = new JsonStringReader((text, i, expected) => this.fail(text, i, expected));
  private inKey = false;
  private readonly num = new JsonNumberReader();
  private readonly lit = new JsonLiteralReader((text, i, expected) => this.fail(text, i, expected));

  constructor(options: PartialJsonParserOptions = {}) {
    this.lenient = options.lenient === true;
    this.state = this.lenient ? PREAMBLE : VALUE;
  }

  /** Characters examined so far: at most the input length plus one per number (a linearity probe for tests). */
  get steps(): number {
    return this.ownSteps + this.str.steps + this.num.steps + this.lit.steps;
  }

  /** The current deep-partial value: the same live object on every read (undefined before any value starts). */
  get value(): unknown {
    return this.tree.root;
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
    const root = this.tree.root;
    return root === undefined ? undefined : structuredClone(root);
  }

  /** Parses one more fragment; returns whether `value` changed. Throws `ParseError` on invalid JSON. */
  push(text: string): boolean {
    if (this.failure) throw this.failure;
    this.raw += text;
    const tree = this.tree;
    tree.changed = false;
    let i = 0;
    try {
      while (i < text.length) i = this.step(text, i);
    } catch (error) {
      this.failure = error as Error;
      throw error;
    }
    this.flushString();
    this.offset += text.length;
    if (tree.changed) this.version++;
    return tree.changed;
  }

  /** The complete value. Throws `ParseError` if the text so far is not one complete JSON value. */
  end(): unknown {
    if (this.failure) throw this.failure;
    if (this.state === NUMBER && this.tree.depth === 0 && this.num.complete) this.completeNumber();
    if (this.state !== DONE) {
      this.failure = truncatedJson(this.raw, this.offset, this.state === PREAMBLE);
      throw this.failure;
    }
    return this.tree.root;
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
    if (this.lit.begin(c)) {
      this.state = LITERAL;
      return i + 1;
    }
    if (!this.num.begin(text, i)) return this.fail(text, i, "a JSON value");
    this.state = NUMBER;
    return i + 1;
  }

  private afterValue(text: string, i: number, c: number): number {
    const isArray = this.tree.inArray();
    if (c === 0x2c) {
      this.state = isArray ? VALUE : KEY;
      return i + 1;
    }
    if (c === (isArray ? 0x5d : 0x7d)) return this.close(i);
    return this.fail(text, i, isArray ? "',' or ']'" : "',' or '}'");
  }

  private open(container: Record<string, unknown> | unknown[], state: number, i: number): number {
    this.tree.open(container);
    this.state = state;
    return i + 1;
  }

  private close(i: number): number {
    this.tree.close();
    this.valueDone();
    return i + 1;
  }

  private valueDone(): void {
    this.state = this.tree.depth > 0 ? AFTER_VALUE : DONE;
  }

  private beginString(isKey: boolean): void {
    this.inKey = isKey;
    this.str.reset();
    this.state = STRING;
    if (!isKey) this.tree.attach("");
  }

  private readString(text: string, i: number): number {
    const next = this.str.read(text, i);
    if (!this.str.closed) return next;
    const complete = this.str.complete;
    if (this.inKey) {
      this.tree.setKey(complete);
      this.state = COLON;
    } else {
      if (this.str.dirty || complete.length !== this.str.text.length) this.tree.publish(complete);
      this.valueDone();
    }
    return next;
  }

  /** At the end of a push, shows the value string read so far. */
  private flushString(): void {
    if (this.state === STRING && !this.inKey && this.str.dirty) {
      this.tree.publish(this.str.text);
      this.str.dirty = false;
    }
  }

  private scanNumber(text: string, i: number): number {
    const j = this.num.read(text, i);
    if (j < text.length) {
      if (!this.num.complete) this.fail(text, j, "a digit to complete the number");
      this.completeNumber();
    }
    return j;
  }

  /** Shows a complete number; its delimiter is left for the structural state to read. */
  private completeNumber(): void {
    this.tree.attach(this.num.take());
    this.valueDone();
  }

  private readLiteral(text: string, i: number): number {
    const next = this.lit.read(text, i);
    if (this.lit.done) {
      this.tree.attach(this.lit.value);
      this.valueDone();
    }
    return next;
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
    throw invalidJson(this.raw, this.offset + i, text, i, expected);
  }
}
