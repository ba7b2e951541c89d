import type { GooglePart } from "./api.ts";

/**
 * Adds a streamed part to the parts received so far. Text arrives in pieces, so a text part joins
 * the text part before it when both are thoughts or both are not, and that one has no signature yet;
 * a signature arriving on a later piece (often an empty one) goes on the joined part. Anything else
 * (function calls, media) is kept as its own part, as received.
 */
export function appendPart(parts: GooglePart[], part: GooglePart): void {
  const last = parts[parts.length - 1];
  if (last && isPlainText(part) && isPlainText(last) && !last.thoughtSignature && !!last.thought === !!part.thought) {
    const merged: GooglePart = { ...last, text: (last.text ?? "") + (part.text ?? "") };
    if (part.thoughtSignature) merged.thoughtSignature = part.thoughtSignature;
    parts[parts.length - 1] = merged;
    return;
  }
  parts.push({ ...part });
}

function isPlainText(part: GooglePart): boolean {
  if (typeof part.text !== "string") return false;
  for (const key of Object.keys(part)) {
    if (key !== "text" && key !== "thought" && key !== "thoughtSignature") return false;
  }
  return true;
}
