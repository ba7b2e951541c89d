import type { ModelPriceMap, PriceSources } from "../../core/cost/prices.ts";

/** Where `GOOGLE_PRICES` come from, and when they were read. */
export const GOOGLE_PRICE_SOURCES: PriceSources = {
  date: "2026-11-26",
  sources: ["LiteLLM model_prices_and_context_window.json @ 00035b69f416be24e2e323c13198d9b7d2d1bdf9 (USD per token x 1e6)"],
};

/** Google's built-in Gemini prices, USD per 1,000,000 tokens, keyed "google/model" (the Google provider's `prices`). */
export const GOOGLE_PRICES: ModelPriceMap = {
  "google/gemini-2.0-flash": { input: 0.1, output: 0.4, cachedInput: 0.025 },
  "google/gemini-2.5-flash": { input: 0.3, output: 2.5, cachedInput: 0.03 },
  "google/gemini-2.5-pro": {
    input: 1.25,
    output: 10,
    cachedInput: 0.125,
    tiers: [{ above: 200_000, input: 2.5, output: 15, cachedInput: 0.25 }],
  },
};
