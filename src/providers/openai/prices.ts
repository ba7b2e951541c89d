import type { ModelPrices } from "../../core/cost/model-prices.ts";

/**
 * OpenAI's built-in model prices, USD per 1,000,000 tokens, keyed "openai/model"; part of
 * `PRICES` (src/core/prices.ts has the units, sources and retrieval date).
 */
export const OPENAI_PRICES: Readonly<Record<string, ModelPrices>> = {
  "openai/gpt-4o": { input: 2.5, output: 10, cachedInput: 1.25 }, // litellm
  "openai/gpt-4o-mini": { input: 0.15, output: 0.6, cachedInput: 0.075 }, // litellm
  "openai/gpt-4.1": { input: 2, output: 8, cachedInput: 0.5 }, // litellm
  "openai/gpt-4.1-mini": { input: 0.4, output: 1.6, cachedInput: 0.1 }, // litellm
  "openai/gpt-4.1-nano": { input: 0.1, output: 0.4, cachedInput: 0.025 }, // litellm
  "openai/o3-mini": { input: 1.1, output: 4.4, cachedInput: 0.55 }, // litellm
};
