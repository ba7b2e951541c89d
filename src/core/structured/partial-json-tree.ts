/**
 * The live deep-partial value of the partial-JSON parser. Snapshot choice: the partial value is one
 * live tree. The parser's `value` always returns the same root object (or array), mutated in place as
 * text arrives: a new key is assigned once its value starts, an array element is pushed, and the one
 * string being read is reassigned with its longer text (V8 and friends concatenate ropes, so growing
 * a string is cheap). Nothing is copied per push; a consumer that wants to keep an old snapshot pays
 * for a copy with `snapshot()` (`structuredClone`). The tree also keeps the stack of open containers
 * and where the latest value lives.
 */
import { setOwn } from "./partial-json-chars.ts";

type Container = Record<string, unknown> | unknown[];

/** The value being built, the open containers, and whether anything changed since `changed` was cleared. */
export class PartialJsonTree {
  /** The root value (undefined before any value starts). */
  root: unknown = undefined;
  /** Set when the tree changed; the parser clears it at the start of each push. */
  changed = false;
  private readonly stack: Container[] = [];
  private readonly keys: string[] = [];
  // Where the latest value started: its container (undefined for the root) and its index or key.
  private holder: Container | undefined;
  private slot: string | number = 0;

  /** How many containers are open. */
  get depth(): number {
    return this.stack.length;
  }

  /** Whether the innermost open container is an array (false when none is open). */
  inArray(): boolean {
    return Array.isArray(this.stack[this.stack.length - 1]);
  }

  /** Puts a new container in place and makes it the innermost open one. */
  open(container: Container): void {
    this.attach(container);
    this.stack.push(container);
    this.keys.push("");
  }

  /** Closes the innermost open container. */
  close(): void {
    this.stack.pop();
    this.keys.pop();
  }

  /** Sets the key the next value of the innermost (object) container goes to. */
  setKey(key: string): void {
    this.keys[this.keys.length - 1] = key;
  }

  /** Puts a value that has started into its parent (or makes it the root), remembering where. */
  attach(value: unknown): void {
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

  /** Replaces the latest attached value (the string being read) with its longer text. */
  publish(text: string): void {
    const holder = this.holder;
    if (holder === undefined) this.root = text;
    else if (Array.isArray(holder)) holder[this.slot as number] = text;
    else setOwn(holder, this.slot as string, text);
    this.changed = true;
  }
}
