import type { ModelPriceMap, PriceSources } from "../../core/cost/prices.ts";

/** Where `OPENAI_PRICES` come from, and when they were read. */
export const OPENAI_PRICE_SOURCES: PriceSources = {
  date: "2026-11-26",
  sources: ["LiteLLM model_prices_and_context_window.json @ 00035b69f416be24e2e323c13198d9b7d2d1bdf9 (USD per token x 1e6)"],
};

/** OpenAI's built-in model prices, USD per 1,000,000 tokens, keyed "openai/model" (the OpenAI provider's `prices`). */
export const OPENAI_PRICES: ModelPriceMap = {
  "openai/gpt-4o": { input: 2.5, output: 10, cachedInput: 1.25 },
  "openai/gpt-4o-mini": { input: 0.15, output: 0.6, cachedInput: 0.075 },
  "openai/gpt-4.1": { input: 2, output: 8, cachedInput: 0.5 },
  "openai/gpt-4.1-mini": { input: 0.4, output: 1.6, cachedInput: 0.1 },
  "openai/gpt-4.1-nano": { input: 0.1, output: 0.4, cachedInput: 0.025 },
  "openai/o3-mini": { input: 1.1, output: 4.4, cachedInput: 0.55 },
};
