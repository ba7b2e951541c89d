/**
 * Prices in USD per 1,000,000 tokens. A missing cache rate falls back to `input` (cache reads,
 * 5-minute writes) or to `cacheWrite` (1-hour writes).
 */
export interface PriceRates {
  input: number;
  output: number;
  /** Prompt tokens read from the cache. */
  cachedInput?: number;
  /** Prompt tokens written to the cache (Anthropic: the default 5-minute lifetime). */
  cacheWrite?: number;
  /** Prompt tokens written to the cache with the 1-hour lifetime (Anthropic). */
  cacheWrite1h?: number;
}

/**
 * Rates for every token of a call whose prompt (`usage.inputTokens`, cached tokens included) is
 * longer than `above` tokens, e.g. Gemini 2.5 Pro above 200,000. A rate the tier leaves out is the
 * model's base rate.
 */
export interface PriceTier extends Partial<PriceRates> {
  above: number;
}

/** A model's prices: base rates, and long-context tiers where the provider has them. */
export interface ModelPrices extends PriceRates {
  tiers?: readonly PriceTier[];
}

/** Prices keyed "provider/model" (the model as the provider names it, without date suffix): a provider's built-in table. */
export type ModelPriceMap = Readonly<Record<string, Readonly<ModelPrices>>>;

/**
 * A built-in table that loads on demand, e.g. `() => presetPrices().then((m) => m.TABLE)` (a seam's lazy import): a
 * provider's first call starts it alongside its request and waits for it before it returns, so `cost`
 * stays synchronous while a program that never calls the provider never downloads the table.
 */
export type PriceLoader = () => Promise<ModelPriceMap>;

/** Where a price table's figures come from, and when they were read. */
export interface PriceSources {
  /** The date the figures were read from their sources (YYYY-MM-DD). */
  readonly date: string;
  /** The sources: a URL, or a name with a commit; an entry's comment names its own where it differs. */
  readonly sources: readonly string[];
}

/** A price table with its provenance. */
export interface PriceTable extends PriceSources {
  readonly units: "USD per 1,000,000 tokens";
  readonly models: ModelPriceMap;
}
