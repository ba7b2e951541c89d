import type { ReasoningDetail } from "./api.ts";

/**
 * Adds a stream's `delta.reasoning_details` pieces to what arrived before (OpenRouter,
 * https://openrouter.ai/docs/use-cases/reasoning-tokens): pieces of one detail share its `type` and
 * `index`; their `text`, `summary` and `data` are joined, and a later `id`, `format` or `signature`
 * is kept. The list is changed in place and returned.
 */
export function mergeReasoningDetails(into: ReasoningDetail[], pieces: readonly ReasoningDetail[]): ReasoningDetail[] {
  for (const piece of pieces) {
    const index = piece.index ?? 0;
    const same = into.find((d) => d.type === piece.type && (d.index ?? 0) === index);
    if (!same) {
      into.push({ ...piece });
      continue;
    }
    for (const key of ["text", "summary", "data"] as const) {
      if (typeof piece[key] === "string") same[key] = (same[key] ?? "") + piece[key];
    }
    for (const [key, value] of Object.entries(piece)) {
      if (value == null || key === "text" || key === "summary" || key === "data") continue;
      // An own "__proto__" key from the JSON stays a key: assigning it would replace the prototype.
      Object.defineProperty(same, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }
  return into;
}
