/** A model's prices in USD per 1,000,000 tokens. Missing cache rates fall back to `input`. */
export interface ModelPrices {
  input: number;
  output: number;
  /** Prompt tokens read from the cache. */
  cachedInput?: number;
  /** Prompt tokens written to the cache. */
  cacheWrite?: number;
  /** Prompt tokens written to the cache with the 1-hour lifetime (Anthropic); falls back to `cacheWrite`. */
  cacheWrite1h?: number;
  /** Rates for every token of a call whose prompt exceeds 200,000 tokens. */
  inputAbove200k?: number;
  outputAbove200k?: number;
  cachedInputAbove200k?: number;
}

/** A price table: where its figures come from, and prices keyed "provider/model". */
export interface PriceTable {
  readonly units: string;
  readonly retrieved: string;
  readonly sources: readonly string[];
  readonly models: Readonly<Record<string, Readonly<ModelPrices>>>;
}
