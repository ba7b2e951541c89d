import type { ModelPriceMap, PriceSources } from "../../core/cost/prices.ts";

/** Where `VERTEX_PRICES` and `VERTEX_ANTHROPIC_PRICES` come from, and when. */
export const VERTEX_PRICE_SOURCES: PriceSources = {
  date: "2026-07-24",
  sources: [
    "LiteLLM model_prices_and_context_window.json as of 2026-07-24 (BerriAI/litellm main, mirrored hourly by RoCry/llm-api-price @ 8442b939ad; USD per token x 1e6; vertex_ai-language-models, vertex_ai-anthropic_models)",
    "https://cloud.google.com/vertex-ai/generative-ai/pricing (LiteLLM's source; standard on-demand, text input: audio input costs more)",
    "https://docs.claude.com/en/docs/build-with-claude/claude-on-vertex-ai (global vs regional endpoints: from Claude Sonnet 4.5 on, regional endpoints cost 10% more than the global one; these are global prices)",
    "https://docs.claude.com/en/docs/about-claude/pricing (long context: prompt caching multipliers apply on top, so a 1-hour write above 200k is 2 x $6)",
  ],
};

/**
 * Gemini on Vertex AI, USD per 1,000,000 tokens, keyed "vertex/model" (the `vertex` provider's
 * `prices`); a `tiers` entry prices every token of a prompt longer than 200,000 tokens. Dated and
 * preview ids resolve to their model unless listed with a price of their own (`gemini-2.0-flash-001`).
 */
export const VERTEX_PRICES: ModelPriceMap = {
  "vertex/gemini-2.0-flash": { input: 0.1, output: 0.4, cachedInput: 0.025 },
  "vertex/gemini-2.0-flash-001": { input: 0.15, output: 0.6, cachedInput: 0.0375 },
  "vertex/gemini-2.0-flash-lite": { input: 0.075, output: 0.3, cachedInput: 0.01875 },
  "vertex/gemini-2.5-flash": { input: 0.3, output: 2.5, cachedInput: 0.03 },
  "vertex/gemini-2.5-flash-lite": { input: 0.1, output: 0.4, cachedInput: 0.01 },
  "vertex/gemini-2.5-flash-lite-preview-06-17": { input: 0.1, output: 0.4, cachedInput: 0.025 },
  "vertex/gemini-2.5-flash-preview-09-2025": { input: 0.3, output: 2.5, cachedInput: 0.075 },
  "vertex/gemini-2.5-pro": {
    input: 1.25,
    output: 10,
    cachedInput: 0.125,
    tiers: [{ above: 200_000, input: 2.5, output: 15, cachedInput: 0.25 }],
  },
  "vertex/gemini-3-flash-preview": { input: 0.5, output: 3, cachedInput: 0.05 },
  "vertex/gemini-3-pro-preview": {
    input: 2,
    output: 12,
    cachedInput: 0.2,
    tiers: [{ above: 200_000, input: 4, output: 18, cachedInput: 0.4 }],
  },
  "vertex/gemini-3.1-flash-lite": { input: 0.25, output: 1.5, cachedInput: 0.025 },
  "vertex/gemini-3.1-pro-preview": {
    input: 2,
    output: 12,
    cachedInput: 0.2,
    tiers: [{ above: 200_000, input: 4, output: 18, cachedInput: 0.4 }],
  },
  "vertex/gemini-3.5-flash": { input: 1.5, output: 9, cachedInput: 0.15 },
  "vertex/gemini-3.5-flash-lite": { input: 0.3, output: 2.5, cachedInput: 0.03 },
  "vertex/gemini-3.6-flash": { input: 1.5, output: 7.5, cachedInput: 0.15 },
};

/**
 * Claude Sonnet 4 and 4.5 with the 1M context window, prompts over 200,000 tokens: LiteLLM's figures;
 * the 1-hour write (which LiteLLM lists for Vertex only below 200k) is 2 x the tier's input, as Anthropic bills.
 */
const LONG_CONTEXT = { above: 200_000, input: 6, output: 22.5, cachedInput: 0.6, cacheWrite: 7.5, cacheWrite1h: 12 };
const OPUS_4 = { input: 15, output: 75, cachedInput: 1.5, cacheWrite: 18.75, cacheWrite1h: 30 };
const OPUS_4_5 = { input: 5, output: 25, cachedInput: 0.5, cacheWrite: 6.25, cacheWrite1h: 10 };
const SONNET_4 = { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75, cacheWrite1h: 6 };
const SONNET_4_LONG = { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75, cacheWrite1h: 6, tiers: [LONG_CONTEXT] };
const SONNET_5 = { input: 2, output: 10, cachedInput: 0.2, cacheWrite: 2.5, cacheWrite1h: 4 };
const FABLE_5 = { input: 10, output: 50, cachedInput: 1, cacheWrite: 12.5, cacheWrite1h: 20 };

/**
 * Claude on Vertex AI, USD per 1,000,000 tokens at the global endpoint, keyed "vertex-anthropic/model"
 * (the `vertex-anthropic` provider's `prices`): `cacheWrite` is the 5-minute cache write, `cacheWrite1h`
 * the 1-hour one. `@20251001`-style and `@default` ids resolve to their model. Regional
 * endpoints of Claude Sonnet 4.5 and later cost 10% more (not priced here: the model id does not say).
 */
export const VERTEX_ANTHROPIC_PRICES: ModelPriceMap = {
  "vertex-anthropic/claude-3-5-haiku": { input: 1, output: 5 },
  "vertex-anthropic/claude-3-5-sonnet": { input: 3, output: 15 },
  "vertex-anthropic/claude-3-7-sonnet": SONNET_4,
  "vertex-anthropic/claude-3-haiku": { input: 0.25, output: 1.25 },
  "vertex-anthropic/claude-3-opus": { input: 15, output: 75 },
  "vertex-anthropic/claude-3-sonnet": { input: 3, output: 15 },
  "vertex-anthropic/claude-fable-5": FABLE_5,
  "vertex-anthropic/claude-haiku-4-5": { input: 1, output: 5, cachedInput: 0.1, cacheWrite: 1.25, cacheWrite1h: 2 },
  "vertex-anthropic/claude-opus-4": OPUS_4,
  "vertex-anthropic/claude-opus-4-1": OPUS_4,
  "vertex-anthropic/claude-opus-4-5": OPUS_4_5,
  "vertex-anthropic/claude-opus-4-6": OPUS_4_5,
  "vertex-anthropic/claude-opus-4-7": OPUS_4_5,
  "vertex-anthropic/claude-opus-4-8": OPUS_4_5,
  "vertex-anthropic/claude-opus-5": OPUS_4_5,
  "vertex-anthropic/claude-sonnet-4": SONNET_4_LONG,
  "vertex-anthropic/claude-sonnet-4-5": SONNET_4_LONG,
  "vertex-anthropic/claude-sonnet-4-6": SONNET_4,
  "vertex-anthropic/claude-sonnet-5": SONNET_5,
};
