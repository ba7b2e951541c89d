/**
 * The prices of every built-in provider in one table, and the cost functions that use it. A
 * provider's calls load only that provider's table (its definition's `prices`); this module loads them all.
 */
import { callCost } from "../core/cost/cost.ts";
import { lookupPrices } from "../core/cost/find-prices.ts";
import type { ModelPrices, PriceTable } from "../core/cost/prices.ts";
import type { Usage } from "../core/usage.ts";
import { ANTHROPIC_PRICES, ANTHROPIC_PRICE_SOURCES } from "../providers/anthropic/prices.ts";
import { BEDROCK_PRICES, BEDROCK_PRICE_SOURCES } from "../providers/bedrock/prices.ts";
import { GOOGLE_PRICES, GOOGLE_PRICE_SOURCES } from "../providers/google/prices.ts";
import { OPENAI_PRICES, OPENAI_PRICE_SOURCES } from "../providers/openai/prices.ts";
import * as presets from "../providers/openai/services/prices.ts";
import { VERTEX_ANTHROPIC_PRICES, VERTEX_PRICE_SOURCES, VERTEX_PRICES } from "../providers/vertex/prices.ts";

const { PRESET_PRICE_SOURCES, ...presetTables } = presets;

/** Each built-in provider's and preset's table with its provenance. */
export const PRICE_TABLES: readonly PriceTable[] = [
  { units: "USD per 1,000,000 tokens", ...OPENAI_PRICE_SOURCES, models: OPENAI_PRICES },
  { units: "USD per 1,000,000 tokens", ...ANTHROPIC_PRICE_SOURCES, models: ANTHROPIC_PRICES },
  { units: "USD per 1,000,000 tokens", ...GOOGLE_PRICE_SOURCES, models: GOOGLE_PRICES },
  { units: "USD per 1,000,000 tokens", ...BEDROCK_PRICE_SOURCES, models: BEDROCK_PRICES },
  { units: "USD per 1,000,000 tokens", ...VERTEX_PRICE_SOURCES, models: { ...VERTEX_PRICES, ...VERTEX_ANTHROPIC_PRICES } },
  { units: "USD per 1,000,000 tokens", ...PRESET_PRICE_SOURCES, models: Object.assign({}, ...Object.values(presetTables)) },
];

/** Every built-in provider's prices (USD per 1,000,000 tokens, keyed "provider/model"), with the sources and the latest date they were read. */
export const PRICES: PriceTable = {
  units: "USD per 1,000,000 tokens",
  date: PRICE_TABLES.map((t) => t.date)
    .sort()
    .at(-1)!,
  sources: [...new Set(PRICE_TABLES.flatMap((t) => t.sources))],
  models: Object.assign({}, ...PRICE_TABLES.map((t) => t.models)),
};

/**
 * The prices used for `provider`'s `model`: registered ones (`registerPrices`) first, then the
 * provider's own table, then `PRICES`. Dated and versioned ids resolve to their model.
 *
 * @example findPrices("openai", "gpt-4o-mini-2024-07-18") // PRICES.models["openai/gpt-4o-mini"]
 */
export function findPrices(provider: string, model: string): ModelPrices | undefined {
  return lookupPrices(provider, model, PRICES.models);
}

/**
 * The cost in USD of `usage` for `provider`'s `model`, or undefined when its prices are unknown or
 * there is no usage; the same figure as the `cost` of a call that reported this usage.
 *
 * @example computeCost("openai", "gpt-4o-mini", { inputTokens: 1000, outputTokens: 500, cachedTokens: 400, totalTokens: 1500 })
 */
export function computeCost(provider: string, model: string, usage: Usage | undefined): number | undefined {
  return callCost(provider, model, usage, PRICES.models);
}
