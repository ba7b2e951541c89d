import type { ModelPrices } from "./model-prices.ts";
import * as lookup from "./price-lookup.ts";
import { PRICES } from "../../llm/prices.ts";
import type { Usage } from "../usage.ts";

let all = false;

/** The lookup with every built-in table (`PRICES`) added: what the root entry's functions use. */
function full(): typeof lookup {
  if (!all) lookup.addBuiltInPrices(PRICES.models);
  all = true;
  return lookup;
}

/**
 * Adds or replaces the prices (USD per 1,000,000 tokens) of a model, e.g. a fine-tune or a model
 * newer than the built-in table. Dated variants of `model` resolve to it too.
 *
 * @example registerPrices("openai", "ft:gpt-4o-mini:acme", { input: 0.3, output: 1.2, cachedInput: 0.15 })
 */
export function registerPrices(provider: string, model: string, prices: ModelPrices): void {
  lookup.registerPrices(provider, model, prices);
}

/** The prices used for `provider`/`model`: an exact entry, else the longest entry the id extends by a version suffix. */
export function findPrices(provider: string, model: string): ModelPrices | undefined {
  return full().findPrices(provider, model);
}

/**
 * The cost in USD of a call's usage, or undefined when the model's prices are unknown or there is
 * no usage. Cached prompt tokens are priced at the cached rate and cache writes at the cache-write
 * rate; neither is also charged as ordinary input (see {@link Usage}: `inputTokens` includes them).
 */
export function computeCost(provider: string, model: string, usage: Usage | undefined): number | undefined {
  return full().computeCost(provider, model, usage);
}
