/** The JSON in model text: a fenced code block's body, else from the first `{` to the last `}` (or `[`…`]`). */
export function extractJsonText(text: string): string {
  const fence = /```(?:json)?[^\S\n]*\n?([\s\S]*?)```/i.exec(text);
  if (fence && /^\s*[{[]/.test(fence[1])) return fence[1].trim();
  for (const [open, close] of [
    ["{", "}"],
    ["[", "]"],
  ] as const) {
    const start = text.indexOf(open);
    const end = text.lastIndexOf(close);
    if (start >= 0 && end > start) return text.slice(start, end + 1);
  }
  return text.trim();
}
