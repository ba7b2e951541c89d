import { matchPrices, priceKeys, priceProvider } from "./model-key.ts";
import type { ModelPriceMap, ModelPrices, PriceLoader } from "./prices.ts";

/** Prices added with `registerPrices`: consulted before every built-in table. */
const registered: Record<string, ModelPrices> = {};

/** Each provider's built-in tables (its definition's `prices`), by provider name; a loader until its table has loaded. */
const builtIn = /* @__PURE__ */ new Map<string, (ModelPriceMap | PriceLoader)[]>();

/** The loads under way, each shared by the calls that wait for it. */
const loads = /* @__PURE__ */ new Map<PriceLoader, Promise<void>>();

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
 * `prices`). A loader's table loads with the provider's next call (`loadBuiltInPrices`), in its place.
 */
export function addBuiltInPrices(provider: string, table: ModelPriceMap | PriceLoader): void {
  const name = priceProvider(provider);
  const tables = builtIn.get(name) ?? [];
  if (!tables.includes(table)) builtIn.set(name, [...tables, table]);
}

/**
 * Loads `provider`'s tables that are still loaders; undefined when none is (a call then does not
 * wait). Never rejects: a table that failed to load stays a loader, tried again by the next call.
 */
export function loadBuiltInPrices(provider: string): Promise<unknown> | undefined {
  const pending = builtIn.get(priceProvider(provider))?.filter((t) => typeof t === "function");
  return pending?.length ? Promise.all(pending.map(load)) : undefined;
}

function load(loader: PriceLoader): Promise<void> {
  let loading = loads.get(loader);
  if (!loading) {
    loading = Promise.resolve()
      .then(loader)
      .then((table) => {
        for (const tables of builtIn.values()) if (tables.includes(loader)) tables[tables.indexOf(loader)] = table;
      })
      .catch(() => undefined)
      .finally(() => loads.delete(loader));
    loads.set(loader, loading);
  }
  return loading;
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
    if (typeof table === "function") continue;
    for (const key of keys) {
      const prices = matchPrices(table, key);
      if (prices) return prices;
    }
  }
  return undefined;
}
