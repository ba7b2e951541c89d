import type { SseEvent } from "./sse-decoder.ts";

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * Serialises one event as `text/event-stream` text, ending with the blank line that dispatches it.
 * Multi-line data becomes several `data:` lines; line breaks in `event`/`id` (which SSE cannot
 * carry) are replaced by spaces.
 *
 * @example
 * encodeSseEvent({ event: "delta", data: "a\nb" }) // "event: delta\ndata: a\ndata: b\n\n"
 */
export function encodeSseEvent(event: SseEvent): string {
  let text = "";
  if (event.event !== undefined) text += `event: ${oneLine(event.event)}\n`;
  if (event.id !== undefined) text += `id: ${oneLine(event.id)}\n`;
  for (const line of event.data.split(LINE_BREAK)) text += `data: ${line}\n`;
  return `${text}\n`;
}

function oneLine(value: string): string {
  return value.replace(/\r\n|\r|\n/g, " ");
}
