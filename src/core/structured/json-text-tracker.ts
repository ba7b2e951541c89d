/**
 * Picks the JSON value out of streamed text: drops prose or a markdown fence before the first `{`/`[`,
 * passes the value through, and drops what follows its closing bracket. Strings and escapes are
 * tracked so brackets inside strings do not count.
 */
export class JsonTextTracker {
  private state: "before" | "inside" | "after" = "before";
  private depth = 0;
  private inString = false;
  private escaped = false;

  /** The part of `text` that belongs to the JSON value. */
  push(text: string): string {
    if (this.state === "after") return "";
    let start = 0;
    if (this.state === "before") {
      const at = text.search(/[{[]/);
      if (at < 0) return "";
      this.state = "inside";
      start = at;
    }
    for (let i = start; i < text.length; i++) {
      if (this.step(text[i])) {
        this.state = "after";
        return text.slice(start, i + 1);
      }
    }
    return text.slice(start);
  }

  /** Advances over one character; true when it closed the top-level value. */
  private step(char: string): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (char === "\\") this.escaped = true;
      else if (char === '"') this.inString = false;
      return false;
    }
    if (char === '"') this.inString = true;
    else if (char === "{" || char === "[") this.depth++;
    else if (char === "}" || char === "]") return --this.depth === 0;
    return false;
  }
}
