import type { SseEvent } from "../web-streams/sse-decoder.ts";

/** Largest line or event the page-side reader buffers, in UTF-16 units (8 Mi). */
export const MAX_PENDING = 8 * 1024 * 1024;

/**
 * The page side's own Server-Sent Events line parser (WHATWG HTML "event stream interpretation",
 * `event` and `data` fields only): a few hundred bytes instead of eventsource-parser's 1.4 KB,
 * so that `promptcall/browser` stays small. Lines end in CRLF, LF or CR, even split across
 * chunks; a blank line dispatches an event that has data; comments and other fields are ignored.
 * `feed` returns the events a chunk completed, or undefined once more than {@link MAX_PENDING}
 * units wait for a line end.
 */
export function createEventLineParser(): (text: string) => SseEvent[] | undefined {
  let pending = "";
  let data: string[] = [];
  let event: string | undefined;
  return (text) => {
    const out: SseEvent[] = [];
    let chunk = pending + text;
    // A CR at the end may be the first half of a CRLF: keep it for the next chunk.
    const held = chunk.endsWith("\r") ? "\r" : "";
    if (held) chunk = chunk.slice(0, -1);
    const lines = chunk.split(/\r\n|\r|\n/);
    pending = (lines.pop() ?? "") + held;
    for (const line of lines) {
      if (line === "") {
        if (data.length > 0) out.push({ event, data: data.join("\n") });
        data = [];
        event = undefined;
        continue;
      }
      const colon = line.indexOf(":");
      if (colon === 0) continue;
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(line.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1);
      if (field === "data") data.push(value);
      else if (field === "event") event = value;
    }
    return pending.length > MAX_PENDING ? undefined : out;
  };
}
