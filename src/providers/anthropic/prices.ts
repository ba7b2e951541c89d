import type { ModelPriceMap, PriceSources } from "../../core/cost/prices.ts";

/** Where `ANTHROPIC_PRICES` come from, and when they were read. */
export const ANTHROPIC_PRICE_SOURCES: PriceSources = {
  date: "2026-11-26",
  sources: [
    "LiteLLM model_prices_and_context_window.json @ 00035b69f416be24e2e323c13198d9b7d2d1bdf9 (USD per token x 1e6)",
    "https://docs.claude.com/en/docs/about-claude/pricing (crawled 2025-10-23)",
  ],
};

const LONG_CONTEXT = { above: 200_000, input: 6, output: 22.5, cachedInput: 0.6, cacheWrite: 7.5, cacheWrite1h: 12 };

/** Anthropic's built-in model prices, USD per 1,000,000 tokens, keyed "anthropic/model" (the Anthropic provider's `prices`). */
export const ANTHROPIC_PRICES: ModelPriceMap = {
  "anthropic/claude-sonnet-4": { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75, cacheWrite1h: 6, tiers: [LONG_CONTEXT] },
  "anthropic/claude-sonnet-4-5": { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75, cacheWrite1h: 6, tiers: [LONG_CONTEXT] },
  "anthropic/claude-haiku-4-5": { input: 1, output: 5, cachedInput: 0.1, cacheWrite: 1.25, cacheWrite1h: 2 },
  "anthropic/claude-3-5-sonnet": { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75, cacheWrite1h: 6 }, // docs
  "anthropic/claude-3-5-haiku": { input: 0.8, output: 4, cachedInput: 0.08, cacheWrite: 1, cacheWrite1h: 1.6 }, // docs
};
