/**
 * Model prices in USD per 1,000,000 tokens, kept as data. Seeded from the project's price fixture
 * (LiteLLM's price table and Anthropic's pricing page); check the sources before relying on a figure.
 * `cacheWrite` is the default (5-minute) cache-write rate; the `…Above200k` rates apply to every
 * token of a call whose prompt exceeds 200,000 tokens.
 */
import { ANTHROPIC_PRICES } from "../providers/anthropic/prices.ts";
import { GOOGLE_PRICES } from "../providers/google/prices.ts";
import { OPENAI_PRICES } from "../providers/openai/prices.ts";
import type { PriceTable } from "../core/cost/model-prices.ts";

/**
 * The built-in price table (each provider's own table, merged); add or override entries with
 * `registerPrices`. A provider's calls load only that provider's part.
 */
export const PRICES: PriceTable = {
  units: "USD per 1,000,000 tokens",
  retrieved: "2026-11-26 (from stored snapshots; see sources for snapshot dates)",
  sources: [
    "litellm: BerriAI/litellm model_prices_and_context_window.json @ 00035b69f416be24e2e323c13198d9b7d2d1bdf9 (USD per token x 1e6)",
    "anthropic_docs: https://docs.claude.com/en/docs/about-claude/pricing (crawled 2025-10-23T17:58:56Z)",
  ],
  models: { ...OPENAI_PRICES, ...ANTHROPIC_PRICES, ...GOOGLE_PRICES },
};
