/**
 * Passes text pieces on, holding back a high surrogate that ends a piece until the next piece
 * brings its low half: a pair split across two deltas would otherwise become two U+FFFD once
 * encoded as UTF-8. A lone surrogate at the very end is passed on as it is.
 */
export async function* wholeCodePoints(pieces: AsyncIterable<string>): AsyncGenerator<string, void, undefined> {
  let held = "";
  for await (const piece of pieces) {
    let text = held + piece;
    held = "";
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      held = text.slice(-1);
      text = text.slice(0, -1);
    }
    if (text !== "") yield text;
  }
  if (held !== "") yield held;
}
