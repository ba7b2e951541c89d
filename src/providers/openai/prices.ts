import type { ModelPriceMap, PriceSources } from "../../core/cost/prices.ts";

/** Where `OPENAI_PRICES` come from, and when. */
export const OPENAI_PRICE_SOURCES: PriceSources = {
  date: "2026-07-24",
  sources: [
    "LiteLLM model_prices_and_context_window.json as of 2026-07-24 (BerriAI/litellm main, mirrored hourly by RoCry/llm-api-price @ 8442b939ad; USD per token x 1e6)",
    "https://platform.openai.com/docs/pricing (LiteLLM's source; standard tier: flex, priority and batch rates are not used)",
  ],
};

/**
 * OpenAI's built-in model prices, USD per 1,000,000 tokens, keyed "openai/model" (the OpenAI
 * provider's `prices`); dated snapshots resolve to their model unless listed with their own price.
 */
export const OPENAI_PRICES: ModelPriceMap = {
  "openai/codex-mini": { input: 1.5, output: 6, cachedInput: 0.375 },
  "openai/gpt-4.1": { input: 2, output: 8, cachedInput: 0.5 },
  "openai/gpt-4.1-mini": { input: 0.4, output: 1.6, cachedInput: 0.1 },
  "openai/gpt-4.1-nano": { input: 0.1, output: 0.4, cachedInput: 0.025 },
  "openai/gpt-4o": { input: 2.5, output: 10, cachedInput: 1.25 },
  "openai/gpt-4o-2024-05-13": { input: 5, output: 15 },
  "openai/gpt-4o-mini": { input: 0.15, output: 0.6, cachedInput: 0.075 },
  "openai/gpt-5": { input: 1.25, output: 10, cachedInput: 0.125 },
  "openai/gpt-5-chat": { input: 1.25, output: 10, cachedInput: 0.125 },
  "openai/gpt-5-codex": { input: 1.25, output: 10, cachedInput: 0.125 },
  "openai/gpt-5-mini": { input: 0.25, output: 2, cachedInput: 0.025 },
  "openai/gpt-5-nano": { input: 0.05, output: 0.4, cachedInput: 0.005 },
  "openai/gpt-5-pro": { input: 15, output: 120 },
  "openai/gpt-5.1": { input: 1.25, output: 10, cachedInput: 0.125 },
  "openai/gpt-5.1-chat": { input: 1.25, output: 10, cachedInput: 0.125 },
  "openai/gpt-5.1-codex": { input: 1.25, output: 10, cachedInput: 0.125 },
  "openai/gpt-5.1-codex-max": { input: 1.25, output: 10, cachedInput: 0.125 },
  "openai/gpt-5.1-codex-mini": { input: 0.25, output: 2, cachedInput: 0.025 },
  "openai/gpt-5.2": { input: 1.75, output: 14, cachedInput: 0.175 },
  "openai/gpt-5.2-chat": { input: 1.75, output: 14, cachedInput: 0.175 },
  "openai/gpt-5.2-codex": { input: 1.75, output: 14, cachedInput: 0.175 },
  "openai/gpt-5.2-pro": { input: 21, output: 168 },
  "openai/gpt-5.3-chat": { input: 1.75, output: 14, cachedInput: 0.175 },
  "openai/gpt-5.3-codex": { input: 1.75, output: 14, cachedInput: 0.175 },
  "openai/gpt-5.4": { input: 2.5, output: 15, cachedInput: 0.25, tiers: [{ above: 272_000, input: 5, output: 22.5, cachedInput: 0.5 }] },
  "openai/gpt-5.4-mini": { input: 0.75, output: 4.5, cachedInput: 0.075 },
  "openai/gpt-5.4-nano": { input: 0.2, output: 1.25, cachedInput: 0.02 },
  "openai/gpt-5.4-pro": { input: 30, output: 180, cachedInput: 3, tiers: [{ above: 272_000, input: 60, output: 270, cachedInput: 6 }] },
  "openai/gpt-5.5": { input: 5, output: 30, cachedInput: 0.5, tiers: [{ above: 272_000, input: 10, output: 45, cachedInput: 1 }] },
  "openai/gpt-5.5-pro": { input: 30, output: 180, cachedInput: 3, tiers: [{ above: 272_000, input: 60, output: 270, cachedInput: 6 }] },
  "openai/gpt-5.6": {
    input: 5,
    output: 30,
    cachedInput: 0.5,
    cacheWrite: 6.25,
    tiers: [{ above: 272_000, input: 10, output: 45, cachedInput: 1, cacheWrite: 12.5 }],
  },
  "openai/gpt-5.6-luna": {
    input: 1,
    output: 6,
    cachedInput: 0.1,
    cacheWrite: 1.25,
    tiers: [{ above: 272_000, input: 2, output: 9, cachedInput: 0.2, cacheWrite: 2.5 }],
  },
  "openai/gpt-5.6-sol": {
    input: 5,
    output: 30,
    cachedInput: 0.5,
    cacheWrite: 6.25,
    tiers: [{ above: 272_000, input: 10, output: 45, cachedInput: 1, cacheWrite: 12.5 }],
  },
  "openai/gpt-5.6-terra": {
    input: 2.5,
    output: 15,
    cachedInput: 0.25,
    cacheWrite: 3.125,
    tiers: [{ above: 272_000, input: 5, output: 22.5, cachedInput: 0.5, cacheWrite: 6.25 }],
  },
  "openai/o1": { input: 15, output: 60, cachedInput: 7.5 },
  "openai/o1-pro": { input: 150, output: 600 },
  "openai/o3": { input: 2, output: 8, cachedInput: 0.5 },
  "openai/o3-deep-research": { input: 10, output: 40, cachedInput: 2.5 },
  "openai/o3-mini": { input: 1.1, output: 4.4, cachedInput: 0.55 },
  "openai/o3-pro": { input: 20, output: 80 },
  "openai/o4-mini": { input: 1.1, output: 4.4, cachedInput: 0.275 },
  "openai/o4-mini-deep-research": { input: 2, output: 8, cachedInput: 0.5 },
};
