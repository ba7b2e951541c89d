import type { Usage } from "../usage.ts";
import { lookupPrices } from "./find-prices.ts";
import type { ModelPriceMap, ModelPrices, PriceRates, PriceTier } from "./prices.ts";

const PER_TOKEN = 1 / 1_000_000;

/**
 * The cost in USD of a call of `provider`'s `model`, or undefined when its prices are unknown or
 * there is no usage: what `response.cost` and `stream.cost` give. Prices are registered ones, else
 * the provider's built-in table, then `fallback` (see `lookupPrices`).
 */
export function callCost(provider: string, model: string, usage: Usage | undefined, fallback?: ModelPriceMap): number | undefined {
  if (!usage) return undefined;
  const prices = lookupPrices(provider, model, fallback);
  return prices ? priceUsage(prices, usage) : undefined;
}

/** The rates that apply to a call with `inputTokens` prompt tokens: the highest tier it passes, else the base rates. */
export function ratesFor(prices: ModelPrices, inputTokens: number): PriceRates {
  let tier: PriceTier | undefined;
  for (const t of prices.tiers ?? []) if (inputTokens > t.above && (!tier || t.above > tier.above)) tier = t;
  if (!tier) return prices;
  // A rate the tier leaves out is the base rate.
  return {
    input: tier.input ?? prices.input,
    output: tier.output ?? prices.output,
    cachedInput: tier.cachedInput ?? prices.cachedInput,
    cacheWrite: tier.cacheWrite ?? prices.cacheWrite,
    cacheWrite1h: tier.cacheWrite1h ?? prices.cacheWrite1h,
  };
}

/**
 * The cost in USD of `usage` at `prices`. Cached prompt tokens are priced at the cached rate and
 * cache writes at the cache-write rates; neither is also charged as ordinary input (see {@link Usage}:
 * `inputTokens` includes them). A prompt longer than a tier's `above` prices every token at the tier's rates.
 */
export function priceUsage(prices: ModelPrices, usage: Usage): number {
  const inputTokens = count(usage.inputTokens);
  const rates = ratesFor(prices, inputTokens);
  const cached = rates.cachedInput ?? rates.input;
  const cacheWrite = rates.cacheWrite ?? rates.input;
  const cacheWrite1h = rates.cacheWrite1h ?? cacheWrite;
  const cachedTokens = count(usage.cachedTokens);
  const writeTokens = count(usage.cacheWriteTokens);
  const hourTokens = Math.min(count(usage.cacheWrite1hTokens), writeTokens);
  const uncached = Math.max(0, inputTokens - cachedTokens - writeTokens);
  const total =
    uncached * rates.input +
    cachedTokens * cached +
    (writeTokens - hourTokens) * cacheWrite +
    hourTokens * cacheWrite1h +
    count(usage.outputTokens) * rates.output;
  return total * PER_TOKEN;
}

function count(value: number | undefined): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
}
