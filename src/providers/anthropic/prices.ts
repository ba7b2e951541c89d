import type { ModelPrices } from "../../core/cost/model-prices.ts";

/**
 * Anthropic's built-in model prices, USD per 1,000,000 tokens, keyed "anthropic/model"; part of
 * `PRICES` (src/core/prices.ts has the units, sources and retrieval date).
 */
export const ANTHROPIC_PRICES: Readonly<Record<string, ModelPrices>> = {
  "anthropic/claude-sonnet-4": {
    input: 3,
    output: 15,
    cachedInput: 0.3,
    cacheWrite: 3.75,
    cacheWrite1h: 6,
    inputAbove200k: 6,
    outputAbove200k: 22.5,
  }, // litellm (+ anthropic_docs for cache_write_1h)
  "anthropic/claude-sonnet-4-5": {
    input: 3,
    output: 15,
    cachedInput: 0.3,
    cacheWrite: 3.75,
    cacheWrite1h: 6,
    inputAbove200k: 6,
    outputAbove200k: 22.5,
  }, // litellm
  "anthropic/claude-haiku-4-5": { input: 1, output: 5, cachedInput: 0.1, cacheWrite: 1.25, cacheWrite1h: 2 }, // litellm
  "anthropic/claude-3-5-sonnet": { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75, cacheWrite1h: 6 }, // anthropic_docs
  "anthropic/claude-3-5-haiku": { input: 0.8, output: 4, cachedInput: 0.08, cacheWrite: 1, cacheWrite1h: 1.6 }, // anthropic_docs
};
