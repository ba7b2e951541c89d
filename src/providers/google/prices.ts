import type { ModelPrices } from "../../core/cost/model-prices.ts";

/**
 * Google's built-in model prices, USD per 1,000,000 tokens, keyed "google/model"; part of
 * `PRICES` (src/core/prices.ts has the units, sources and retrieval date).
 */
export const GOOGLE_PRICES: Readonly<Record<string, ModelPrices>> = {
  "google/gemini-2.0-flash": { input: 0.1, output: 0.4, cachedInput: 0.025 }, // litellm
  "google/gemini-2.5-flash": { input: 0.3, output: 2.5, cachedInput: 0.03 }, // litellm
  "google/gemini-2.5-pro": {
    input: 1.25,
    output: 10,
    cachedInput: 0.125,
    inputAbove200k: 2.5,
    outputAbove200k: 15,
    cachedInputAbove200k: 0.25,
  }, // litellm
};
