// A price table loaded lazily by the sample of docs/errors-and-retries.md (cost-lazy-prices.test.ts).
import type { ModelPriceMap } from "../../src/core/cost/prices.ts";

/** The made-up gateway's prices, USD per 1M tokens. */
export const GATEWAY_PRICES: ModelPriceMap = { "my-gateway/gpt-4.1-nano": { input: 1, output: 2 } };
