import type { Usage } from "./usage.ts";

export type { Usage };

/** Applies a usage update: fields present in `update` replace earlier ones; the total follows. */
export function mergeUsage(previous: Usage | undefined, update: Partial<Usage>): Usage {
  const next: Usage = { inputTokens: 0, outputTokens: 0, cachedTokens: 0, totalTokens: 0, ...previous };
  const target = next as unknown as Record<string, number | undefined>;
  for (const [key, value] of Object.entries(update) as [string, number | undefined][]) {
    if (value !== undefined) target[key] = value;
  }
  if (update.totalTokens === undefined) next.totalTokens = next.inputTokens + next.outputTokens;
  return next;
}
