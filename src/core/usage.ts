/**
 * Token counts of a call, the same for every provider.
 *
 * `inputTokens` counts the whole prompt, INCLUDING `cachedTokens` (read from the cache) and
 * `cacheWriteTokens` (written to it), as OpenAI reports `prompt_tokens`. Providers that report
 * them apart (Anthropic) add them up. `outputTokens` includes `reasoningTokens`.
 * `totalTokens` is `inputTokens + outputTokens` unless the provider reports its own total.
 */
export interface Usage {
  /** Every prompt token, cached and cache-written ones included. */
  inputTokens: number;
  /** Every generated token, reasoning ones included. */
  outputTokens: number;
  /** Prompt tokens read from the provider's cache (a part of `inputTokens`). */
  cachedTokens: number;
  totalTokens: number;
  /** Prompt tokens written to the provider's cache (a part of `inputTokens`). */
  cacheWriteTokens?: number;
  /** Of `cacheWriteTokens`, those written with the 1-hour lifetime (Anthropic), priced at the 1-hour rate. */
  cacheWrite1hTokens?: number;
  /** Tokens spent on hidden reasoning (a part of `outputTokens`). */
  reasoningTokens?: number;
}

/** An all-zero usage. */
export function emptyUsage(): Usage {
  return { inputTokens: 0, outputTokens: 0, cachedTokens: 0, totalTokens: 0 };
}

/** Sums usages (e.g. over the calls of a tool loop); undefined entries are skipped, and all-undefined gives undefined. */
export function addUsage(...usages: readonly (Usage | undefined)[]): Usage | undefined {
  let sum: Usage | undefined;
  for (const usage of usages) {
    if (!usage) continue;
    const prev: Usage = sum ?? emptyUsage();
    sum = {
      inputTokens: prev.inputTokens + usage.inputTokens,
      outputTokens: prev.outputTokens + usage.outputTokens,
      cachedTokens: prev.cachedTokens + usage.cachedTokens,
      totalTokens: prev.totalTokens + usage.totalTokens,
    };
    const cacheWrite = addOptional(prev.cacheWriteTokens, usage.cacheWriteTokens);
    const cacheWrite1h = addOptional(prev.cacheWrite1hTokens, usage.cacheWrite1hTokens);
    const reasoning = addOptional(prev.reasoningTokens, usage.reasoningTokens);
    if (cacheWrite !== undefined) sum.cacheWriteTokens = cacheWrite;
    if (cacheWrite1h !== undefined) sum.cacheWrite1hTokens = cacheWrite1h;
    if (reasoning !== undefined) sum.reasoningTokens = reasoning;
  }
  return sum;
}

function addOptional(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);
}
