import type { ModelPriceMap, PriceSources } from "../../core/cost/prices.ts";

/** Where `GOOGLE_PRICES` come from, and when. */
export const GOOGLE_PRICE_SOURCES: PriceSources = {
  date: "2026-07-24",
  sources: [
    "LiteLLM model_prices_and_context_window.json as of 2026-07-24 (BerriAI/litellm main, mirrored hourly by RoCry/llm-api-price @ 8442b939ad; USD per token x 1e6)",
    "https://ai.google.dev/gemini-api/docs/pricing (LiteLLM's source; paid tier, text input: audio input costs more)",
  ],
};

/**
 * Gemini API model prices, USD per 1,000,000 tokens, keyed "google/model" (the Google provider's
 * `prices`); a `tiers` entry prices every token of a prompt longer than 200,000 tokens.
 */
export const GOOGLE_PRICES: ModelPriceMap = {
  "google/gemini-2.0-flash": { input: 0.1, output: 0.4, cachedInput: 0.025 },
  "google/gemini-2.0-flash-lite": { input: 0.075, output: 0.3, cachedInput: 0.01875 },
  "google/gemini-2.5-flash": { input: 0.3, output: 2.5, cachedInput: 0.03 },
  "google/gemini-2.5-flash-lite": { input: 0.1, output: 0.4, cachedInput: 0.01 },
  "google/gemini-2.5-flash-lite-preview-06-17": { input: 0.1, output: 0.4, cachedInput: 0.025 },
  "google/gemini-2.5-flash-preview-09-2025": { input: 0.3, output: 2.5, cachedInput: 0.075 },
  "google/gemini-2.5-pro": {
    input: 1.25,
    output: 10,
    cachedInput: 0.125,
    tiers: [{ above: 200_000, input: 2.5, output: 15, cachedInput: 0.25 }],
  },
  "google/gemini-3-flash-preview": { input: 0.5, output: 3, cachedInput: 0.05 },
  "google/gemini-3-pro-preview": {
    input: 2,
    output: 12,
    cachedInput: 0.2,
    tiers: [{ above: 200_000, input: 4, output: 18, cachedInput: 0.4 }],
  },
  "google/gemini-3.1-flash-lite": { input: 0.25, output: 1.5, cachedInput: 0.025 },
  "google/gemini-3.1-pro-preview": {
    input: 2,
    output: 12,
    cachedInput: 0.2,
    tiers: [{ above: 200_000, input: 4, output: 18, cachedInput: 0.4 }],
  },
  "google/gemini-3.5-flash": { input: 1.5, output: 9, cachedInput: 0.15 },
  "google/gemini-3.5-flash-lite": { input: 0.3, output: 2.5, cachedInput: 0.03 },
  "google/gemini-3.6-flash": { input: 1.5, output: 7.5, cachedInput: 0.15 },
};
