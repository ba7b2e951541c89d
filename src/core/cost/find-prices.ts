import { matchPrices, priceKeys, priceProvider } from "./model-key.ts";
import type { ModelPriceMap, ModelPrices, PriceLoader } from "./prices.ts";

/** Prices added with `registerPrices`: consulted before every built-in table. */
const registered: Record<string, ModelPrices> = {};

/** Each provider's built-in tables (its definition's `prices`), by provider name. */
const builtIn = /* @__PURE__ */ new Map<string, ModelPriceMap[]>();

/** The built-in table of a provider that is still to load, by provider name. */
const loaders = /* @__PURE__ */ new Map<string, PriceLoader>();

/**
 * Adds or replaces the prices (USD per 1,000,000 tokens) of a model, e.g. a fine-tune or a model
 * newer than the built-in tables; it wins over them. Dated variants of `model` resolve to it too.
 *
 * @example registerPrices("openai", "ft:gpt-4o-mini:acme", { input: 0.3, output: 1.2, cachedInput: 0.15 })
 */
export function registerPrices(provider: string, model: string, prices: ModelPrices): void {
  registered[priceKeys(provider, model)[0]!] = { ...prices };
}

/**
 * Makes `table` built-in prices of `provider`'s calls (`callFactory` does this with a definition's
 * `prices`). A loader's table loads with the provider's first call (`loadBuiltInPrices`); a provider
 * has one loader, the last added before that call.
 */
export function addBuiltInPrices(provider: string, table: ModelPriceMap | PriceLoader): void {
  const name = priceProvider(provider);
  if (typeof table === "function") return void loaders.set(name, table);
  const tables = builtIn.get(name) ?? [];
  if (!tables.includes(table)) builtIn.set(name, [...tables, table]);
}

/**
 * Loads `provider`'s table if it is still a loader (`runCall` starts this with each call and waits
 * for it before the caller or a hook sees the response). Never rejects: after a failed load, the
 * next call tries again.
 */
// `await loader()` inside `try`: a loader that throws at once fails like one that rejects, and a
// rejection has its handler at once (workerd reports one that gets it a turn later).
export async function loadBuiltInPrices(provider: string): Promise<void> {
  const name = priceProvider(provider);
  const loader = loaders.get(name);
  try {
    if (loader) addBuiltInPrices(name, await loader());
    loaders.delete(name);
  } catch {
    // Still a loader: the next call tries again.
  }
}

/**
 * The prices of `provider`'s `model`: registered ones first, then the provider's built-in tables
 * (those loaded), then `fallback` (e.g. the all-provider `PRICES`). In each, an exact entry, else
 * the longest entry the id extends by a version suffix (see `priceKeys` for the ids that are normalised).
 */
export function lookupPrices(provider: string, model: string, fallback?: ModelPriceMap): ModelPrices | undefined {
  const keys = priceKeys(provider, model);
  const tables = [registered, ...(builtIn.get(priceProvider(provider)) ?? []), ...(fallback ? [fallback] : [])];
  for (const table of tables) {
    for (const key of keys) {
      const prices = matchPrices(table, key);
      if (prices) return prices;
    }
  }
  return undefined;
}
