import type { ModelPriceMap, PriceSources } from "../../core/cost/prices.ts";

/** Where `ANTHROPIC_PRICES` come from, and when (each entry's comment names its source). */
export const ANTHROPIC_PRICE_SOURCES: PriceSources = {
  date: "2026-07-24",
  sources: [
    "docs: https://docs.claude.com/en/docs/about-claude/pricing (crawled 2025-10-23; via suparngp/mcp-servers @ 81d56b5a12)",
    "LiteLLM model_prices_and_context_window.json as of 2026-07-24 (BerriAI/litellm main, mirrored hourly by RoCry/llm-api-price @ 8442b939ad; USD per token x 1e6)",
  ],
};

/**
 * Claude with the 1M context window, prompts over 200,000 tokens (docs, "Long context pricing"):
 * input $6, output $22.50; "prompt caching multipliers apply on top" (5m write 1.25x, 1h write 2x, hit 0.1x).
 */
const LONG_CONTEXT = { above: 200_000, input: 6, output: 22.5, cachedInput: 0.6, cacheWrite: 7.5, cacheWrite1h: 12 };

/**
 * Anthropic's built-in model prices, USD per 1,000,000 tokens, keyed "anthropic/model" (the
 * Anthropic provider's `prices`): `cacheWrite` is the 5-minute cache write, `cacheWrite1h` the 1-hour one.
 */
export const ANTHROPIC_PRICES: ModelPriceMap = {
  "anthropic/claude-opus-4-1": { input: 15, output: 75, cachedInput: 1.5, cacheWrite: 18.75, cacheWrite1h: 30 }, // docs
  "anthropic/claude-opus-4": { input: 15, output: 75, cachedInput: 1.5, cacheWrite: 18.75, cacheWrite1h: 30 }, // docs
  "anthropic/claude-sonnet-4-5": { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75, cacheWrite1h: 6, tiers: [LONG_CONTEXT] }, // docs
  "anthropic/claude-sonnet-4": { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75, cacheWrite1h: 6, tiers: [LONG_CONTEXT] }, // docs
  "anthropic/claude-3-7-sonnet": { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75, cacheWrite1h: 6 }, // docs
  "anthropic/claude-3-5-sonnet": { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75, cacheWrite1h: 6 }, // docs (deprecated)
  "anthropic/claude-haiku-4-5": { input: 1, output: 5, cachedInput: 0.1, cacheWrite: 1.25, cacheWrite1h: 2 }, // docs
  "anthropic/claude-3-5-haiku": { input: 0.8, output: 4, cachedInput: 0.08, cacheWrite: 1, cacheWrite1h: 1.6 }, // docs
  "anthropic/claude-3-opus": { input: 15, output: 75, cachedInput: 1.5, cacheWrite: 18.75, cacheWrite1h: 30 }, // docs (deprecated)
  "anthropic/claude-3-haiku": { input: 0.25, output: 1.25, cachedInput: 0.03, cacheWrite: 0.3, cacheWrite1h: 0.5 }, // docs
  // Released after the docs crawl: LiteLLM.
  "anthropic/claude-opus-4-5": { input: 5, output: 25, cachedInput: 0.5, cacheWrite: 6.25, cacheWrite1h: 10 },
  "anthropic/claude-opus-4-6": { input: 5, output: 25, cachedInput: 0.5, cacheWrite: 6.25, cacheWrite1h: 10 },
  "anthropic/claude-opus-4-7": { input: 5, output: 25, cachedInput: 0.5, cacheWrite: 6.25, cacheWrite1h: 10 },
  "anthropic/claude-opus-4-8": { input: 5, output: 25, cachedInput: 0.5, cacheWrite: 6.25, cacheWrite1h: 10 },
  "anthropic/claude-opus-5": { input: 5, output: 25, cachedInput: 0.5, cacheWrite: 6.25, cacheWrite1h: 10 },
  "anthropic/claude-sonnet-4-6": { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75, cacheWrite1h: 6 },
  "anthropic/claude-sonnet-5": { input: 2, output: 10, cachedInput: 0.2, cacheWrite: 2.5, cacheWrite1h: 4 },
  "anthropic/claude-fable-5": { input: 10, output: 50, cachedInput: 1, cacheWrite: 12.5, cacheWrite1h: 20 },
};
