/**
 * Model prices in USD per 1,000,000 tokens, kept as data. Seeded from the project's price fixture
 * (LiteLLM's price table and Anthropic's pricing page); check the sources before relying on a figure.
 * `cacheWrite` is the default (5-minute) cache-write rate; the `…Above200k` rates apply to every
 * token of a call whose prompt exceeds 200,000 tokens.
 */
import type { PriceTable } from "./model-prices";

/** The built-in price table; add or override entries with `registerPrices`. */
export const PRICES: PriceTable = {
  units: "USD per 1,000,000 tokens",
  retrieved: "2026-11-26 (from stored snapshots; see sources for snapshot dates)",
  sources: [
    "litellm: BerriAI/litellm model_prices_and_context_window.json @ 00035b69f416be24e2e323c13198d9b7d2d1bdf9 (USD per token x 1e6)",
    "anthropic_docs: https://docs.claude.com/en/docs/about-claude/pricing (crawled 2025-10-23T17:58:56Z)",
  ],
  models: {
    "openai/gpt-4o": { input: 2.5, output: 10, cachedInput: 1.25 }, // litellm
    "openai/gpt-4o-mini": { input: 0.15, output: 0.6, cachedInput: 0.075 }, // litellm
    "openai/gpt-4.1": { input: 2, output: 8, cachedInput: 0.5 }, // litellm
    "openai/gpt-4.1-mini": { input: 0.4, output: 1.6, cachedInput: 0.1 }, // litellm
    "openai/gpt-4.1-nano": { input: 0.1, output: 0.4, cachedInput: 0.025 }, // litellm
    "openai/o3-mini": { input: 1.1, output: 4.4, cachedInput: 0.55 }, // litellm
    "anthropic/claude-sonnet-4": { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75, inputAbove200k: 6, outputAbove200k: 22.5 }, // litellm (+ anthropic_docs for cache_write_1h)
    "anthropic/claude-sonnet-4-5": { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75, inputAbove200k: 6, outputAbove200k: 22.5 }, // litellm
    "anthropic/claude-haiku-4-5": { input: 1, output: 5, cachedInput: 0.1, cacheWrite: 1.25 }, // litellm
    "anthropic/claude-3-5-sonnet": { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75 }, // anthropic_docs
    "anthropic/claude-3-5-haiku": { input: 0.8, output: 4, cachedInput: 0.08, cacheWrite: 1 }, // anthropic_docs
    "google/gemini-2.0-flash": { input: 0.1, output: 0.4, cachedInput: 0.025 }, // litellm
    "google/gemini-2.5-flash": { input: 0.3, output: 2.5, cachedInput: 0.03 }, // litellm
    "google/gemini-2.5-pro": { input: 1.25, output: 10, cachedInput: 0.125, inputAbove200k: 2.5, outputAbove200k: 15, cachedInputAbove200k: 0.25 }, // litellm
  },
};
