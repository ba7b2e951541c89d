// Cost: one price module (src/core/cost/) whose answers do not depend on the order in which tables
// and registrations arrive; model-id normalisation; cached tokens priced once; cache writes (5-minute
// and 1-hour); long-context tiers; the all-provider table and its root functions.
import { describe, expect, it } from "vitest";
import { callCost, priceUsage, ratesFor } from "../../src/core/cost/cost.ts";
import { addBuiltInPrices, lookupPrices, registerPrices } from "../../src/core/cost/find-prices.ts";
import { matchPrices, priceKeys } from "../../src/core/cost/model-key.ts";
import type { ModelPriceMap, ModelPrices } from "../../src/core/cost/prices.ts";
import { addUsage, type Usage } from "../../src/core/usage.ts";
import { computeCost, findPrices, PRICE_TABLES, PRICES } from "../../src/llm/prices.ts";
import { fixtures } from "../fixtures/index.ts";

function usage(inputTokens: number, outputTokens: number, extra: Partial<Usage> = {}): Usage {
  return { inputTokens, outputTokens, cachedTokens: 0, totalTokens: inputTokens + outputTokens, ...extra };
}

/** USD for `tokens` at `perMillion` USD per 1M tokens. */
const usd = (tokens: number, perMillion: number) => (tokens * perMillion) / 1_000_000;

describe("model ids: one normalisation", () => {
  const table: ModelPriceMap = {
    "openai/gpt-4o": { input: 2.5, output: 10 },
    "openai/gpt-4o-mini": { input: 0.15, output: 0.6 },
    "google/gemini-2.5-flash": { input: 0.3, output: 2.5 },
    "anthropic/claude-3-5-haiku": { input: 0.8, output: 4 },
    "bedrock/anthropic.claude-3-5-haiku": { input: 0.8, output: 4 },
    "bedrock/anthropic.claude-haiku-4-5": { input: 1, output: 5 },
    "bedrock/us.anthropic.claude-haiku-4-5": { input: 1.1, output: 5.5 },
    "bedrock/amazon.nova-lite": { input: 0.06, output: 0.24 },
  };
  // The pure pieces, so that tables other test files' providers added (Deno runs every file in one process) play no part.
  const find = (provider: string, model: string) => {
    for (const key of priceKeys(provider, model)) {
      const prices = matchPrices(table, key);
      if (prices) return prices;
    }
    return undefined;
  };

  for (const [provider, model, key] of [
    ["openai", "gpt-4o-mini-2024-07-18", "openai/gpt-4o-mini"],
    ["openai", "openai/gpt-4o-2024-08-06", "openai/gpt-4o"],
    ["anthropic", "claude-3-5-haiku-20241022", "anthropic/claude-3-5-haiku"],
    ["anthropic", "claude-3-5-haiku-latest", "anthropic/claude-3-5-haiku"],
    ["google", "models/gemini-2.5-flash", "google/gemini-2.5-flash"],
    ["gemini", "gemini-2.5-flash-001", "google/gemini-2.5-flash"],
    ["google", "gemini-2.5-flash-preview-09-2025", "google/gemini-2.5-flash"],
    ["google", "projects/p/locations/global/publishers/google/models/gemini-2.5-flash", "google/gemini-2.5-flash"],
    ["bedrock", "anthropic.claude-3-5-haiku-20241022-v1:0", "bedrock/anthropic.claude-3-5-haiku"],
    ["bedrock", "us.anthropic.claude-3-5-haiku-20241022-v1:0", "bedrock/anthropic.claude-3-5-haiku"],
    ["bedrock", "eu.anthropic.claude-haiku-4-5-20251001-v1:0", "bedrock/anthropic.claude-haiku-4-5"],
    ["bedrock", "us.anthropic.claude-haiku-4-5-20251001-v1:0", "bedrock/us.anthropic.claude-haiku-4-5"],
    ["bedrock", "amazon.nova-lite-v1:0", "bedrock/amazon.nova-lite"],
    ["bedrock", "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-lite-v1:0", "bedrock/amazon.nova-lite"],
  ] as const) {
    it(`${provider} ${model} is priced as ${key}`, () => {
      expect(find(provider, model)).toBe(table[key]);
    });
  }

  it("keeps a region's own price before the region-less one", () => {
    expect(priceKeys("bedrock", "us.anthropic.claude-haiku-4-5-20251001-v1:0")).toEqual([
      "bedrock/us.anthropic.claude-haiku-4-5-20251001-v1:0",
      "bedrock/anthropic.claude-haiku-4-5-20251001-v1:0",
    ]);
    expect(priceKeys("OpenAI", "GPT-4o")).toEqual(["openai/gpt-4o"]);
  });

  it("does not price a different model that merely shares a prefix", () => {
    expect(find("openai", "gpt-4o-mini-audio-preview")).toBeUndefined();
    expect(find("openai", "gpt-4o-2")).toBeUndefined();
    expect(find("google", "gemini-2.5-flash-lite")).toBeUndefined();
    expect(find("bedrock", "anthropic.claude-3-5-haiku-v2-extra")).toBeUndefined();
    expect(find("openai", "ft:gpt-4o-mini:acme::abc")).toBeUndefined();
  });
});

describe("order independence", () => {
  const builtIn: ModelPriceMap = { "order-a/m": { input: 1, output: 1 } };
  const mine: ModelPrices = { input: 9, output: 9 };

  it("registered prices win over a built-in table added before or after them", () => {
    addBuiltInPrices("order-a", builtIn);
    registerPrices("order-a", "m", mine);
    registerPrices("order-b", "m", mine);
    addBuiltInPrices("order-b", { "order-b/m": { input: 1, output: 1 } });
    expect(lookupPrices("order-a", "m")).toEqual(mine);
    expect(lookupPrices("order-b", "m")).toEqual(mine);
  });

  it("a registered base model wins over a built-in exact dated entry", () => {
    addBuiltInPrices("order-c", { "order-c/m-2025-01-01": { input: 1, output: 1 } });
    registerPrices("order-c", "m", mine);
    expect(lookupPrices("order-c", "m-2025-01-01")).toEqual(mine);
  });

  it("a provider's table prices only that provider's calls", () => {
    addBuiltInPrices("order-d", { "order-e/m": { input: 1, output: 1 } });
    expect(callCost("order-e", "m", usage(10, 10))).toBeUndefined();
    addBuiltInPrices("order-e", { "order-e/m": { input: 2, output: 2 } });
    expect(callCost("order-e", "m", usage(1_000_000, 0))).toBeCloseTo(2, 12);
  });

  it("the root functions consult every built-in table, whichever provider entries are loaded", () => {
    // This file loads no provider entry (so no definition added its table); computeCost and
    // findPrices consult PRICES, and give what a call of that provider would.
    expect(computeCost("google", "gemini-2.5-flash", usage(1_000_000, 0))).toBeCloseTo(0.3, 12);
    expect(findPrices("anthropic", "claude-haiku-4-5-20251001")).toBe(PRICES.models["anthropic/claude-haiku-4-5"]);
    // Vertex's tables too (Gemini and Claude on Vertex).
    expect(computeCost("vertex", "gemini-2.5-flash", usage(1_000_000, 0))).toBeCloseTo(0.3, 12);
    expect(findPrices("vertex-anthropic", "claude-haiku-4-5@20251001")).toBe(PRICES.models["vertex-anthropic/claude-haiku-4-5"]);
    expect(PRICES.models["vertex-anthropic/claude-haiku-4-5"]).toBeDefined();
    addBuiltInPrices("google", PRICES.models);
    expect(callCost("google", "gemini-2.5-flash", usage(1_000_000, 0))).toBe(
      computeCost("google", "gemini-2.5-flash", usage(1_000_000, 0)),
    );
  });

  it("a registration changes the root functions and the call path alike", () => {
    addBuiltInPrices("order-f", { "order-f/m": { input: 1, output: 1 } });
    registerPrices("order-f", "m", { input: 7, output: 7 });
    expect(computeCost("order-f", "m-2025-04-14", usage(1_000_000, 0))).toBeCloseTo(7, 12);
    expect(callCost("order-f", "m-2025-04-14", usage(1_000_000, 0))).toBeCloseTo(7, 12);
  });
});

describe("priceUsage", () => {
  const haiku: ModelPrices = { input: 1, output: 5, cachedInput: 0.1, cacheWrite: 1.25, cacheWrite1h: 2 };

  it("prices a model's input and output", () => {
    expect(priceUsage({ input: 0.15, output: 0.6 }, usage(1000, 500))).toBeCloseTo(usd(1000, 0.15) + usd(500, 0.6), 12);
    expect(priceUsage(haiku, usage(0, 0))).toBe(0);
  });

  it("prices cached input tokens at the cached rate, once", () => {
    // 1000 prompt tokens of which 400 came from the cache: 600 at 0.15, 400 at 0.075.
    const cost = priceUsage({ input: 0.15, output: 0.6, cachedInput: 0.075 }, usage(1000, 100, { cachedTokens: 400 }));
    expect(cost).toBeCloseTo(usd(600, 0.15) + usd(400, 0.075) + usd(100, 0.6), 12);
  });

  it("prices cache writes at the cache-write rate, not also as input", () => {
    // 1000 prompt tokens: 300 read from the cache, 200 written to it, 500 ordinary.
    const cost = priceUsage(haiku, usage(1000, 10, { cachedTokens: 300, cacheWriteTokens: 200 }));
    expect(cost).toBeCloseTo(usd(500, 1) + usd(300, 0.1) + usd(200, 1.25) + usd(10, 5), 12);
  });

  it("prices 1-hour cache writes at their own rate, the rest of the writes at the 5-minute rate", () => {
    const u = usage(1000 + 300 + 200, 10, { cacheWriteTokens: 500, cacheWrite1hTokens: 200 });
    expect(priceUsage(haiku, u)).toBeCloseTo(usd(1000, 1) + usd(300, 1.25) + usd(200, 2) + usd(10, 5), 12);
    // More 1-hour tokens than writes (a malformed usage) never prices more than the writes.
    const odd = usage(100, 0, { cacheWriteTokens: 50, cacheWrite1hTokens: 80 });
    expect(priceUsage(haiku, odd)).toBeCloseTo(usd(50, 1) + usd(50, 2), 12);
  });

  it("falls back: cache reads and writes to the input rate, 1-hour writes to the 5-minute rate", () => {
    expect(priceUsage({ input: 2.5, output: 10 }, usage(1000, 0, { cacheWriteTokens: 1000 }))).toBeCloseTo(usd(1000, 2.5), 12);
    expect(priceUsage({ input: 2.5, output: 10 }, usage(1000, 0, { cachedTokens: 1000 }))).toBeCloseTo(usd(1000, 2.5), 12);
    const fiveMinuteOnly = { input: 0.8, output: 4, cacheWrite: 1 };
    expect(priceUsage(fiveMinuteOnly, usage(10, 0, { cacheWriteTokens: 10, cacheWrite1hTokens: 10 }))).toBeCloseTo(usd(10, 1), 12);
  });

  it("never goes negative when a provider reports more cached than input tokens", () => {
    expect(priceUsage(haiku, usage(10, 0, { cachedTokens: 50 }))).toBeGreaterThanOrEqual(0);
  });
});

describe("long-context tiers", () => {
  // Gemini 2.5 Pro's shape: every token of a prompt over 200k is priced at the tier's rates.
  const pro: ModelPrices = {
    input: 1.25,
    output: 10,
    cachedInput: 0.125,
    tiers: [{ above: 200_000, input: 2.5, output: 15, cachedInput: 0.25 }],
  };
  // Claude Sonnet 4.5 with the 1M context window: cache writes have long-context rates too.
  const sonnet: ModelPrices = {
    input: 3,
    output: 15,
    cachedInput: 0.3,
    cacheWrite: 3.75,
    cacheWrite1h: 6,
    tiers: [{ above: 200_000, input: 6, output: 22.5, cachedInput: 0.6, cacheWrite: 7.5, cacheWrite1h: 12 }],
  };

  it("applies the tier to every token once the prompt is longer than its threshold", () => {
    expect(priceUsage(pro, usage(300_000, 1000, { cachedTokens: 100_000 }))).toBeCloseTo(
      usd(200_000, 2.5) + usd(100_000, 0.25) + usd(1000, 15),
      12,
    );
    expect(priceUsage(pro, usage(100_000, 1000))).toBeCloseTo(usd(100_000, 1.25) + usd(1000, 10), 12);
  });

  it("counts cached and cache-written tokens toward the threshold, which is exclusive", () => {
    expect(priceUsage(pro, usage(200_000, 0))).toBeCloseTo(usd(200_000, 1.25), 12);
    expect(priceUsage(pro, usage(200_001, 0))).toBeCloseTo(usd(200_001, 2.5), 12);
    // 50k ordinary + 120k read + 40k written (10k of them for 1 hour) = 210k: all at long-context rates.
    const u = usage(210_000, 2000, { cachedTokens: 120_000, cacheWriteTokens: 40_000, cacheWrite1hTokens: 10_000 });
    expect(priceUsage(sonnet, u)).toBeCloseTo(
      usd(50_000, 6) + usd(120_000, 0.6) + usd(30_000, 7.5) + usd(10_000, 12) + usd(2000, 22.5),
      12,
    );
  });

  it("uses the highest tier passed; a rate the tier leaves out is the base rate", () => {
    const stepped: ModelPrices = {
      input: 1,
      output: 2,
      cachedInput: 0.5,
      tiers: [
        { above: 272_000, input: 4 },
        { above: 128_000, input: 3, output: 6 },
      ],
    };
    expect(ratesFor(stepped, 100_000)).toBe(stepped);
    expect(ratesFor(stepped, 200_000)).toEqual({ input: 3, output: 6, cachedInput: 0.5, cacheWrite: undefined, cacheWrite1h: undefined });
    expect(ratesFor(stepped, 300_000)).toMatchObject({ input: 4, output: 2, cachedInput: 0.5 });
  });
});

describe("the built-in tables", () => {
  it("keep their units, date and sources", () => {
    expect(PRICES.units).toBe("USD per 1,000,000 tokens");
    expect(PRICES.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(PRICES.sources.length).toBeGreaterThan(0);
  });

  it("have every OpenAI, Anthropic and Gemini model of prices.json with the same figures", () => {
    const source = JSON.parse(fixtures["prices.json"]!) as {
      models: Record<
        string,
        { provider: string; input: number; output: number; cached_input?: number; cache_write_5m?: number; cache_write_1h?: number }
      >;
    };
    const entries = Object.entries(source.models).filter(([, m]) => ["openai", "anthropic", "google"].includes(m.provider));
    expect(entries.length).toBeGreaterThanOrEqual(14);
    for (const [model, m] of entries) {
      const prices = PRICES.models[`${m.provider}/${model}`];
      expect(prices, model).toBeDefined();
      expect([prices!.input, prices!.output, prices!.cachedInput, prices!.cacheWrite, prices!.cacheWrite1h]).toEqual([
        m.input,
        m.output,
        m.cached_input,
        m.cache_write_5m,
        m.cache_write_1h,
      ]);
    }
  });

  it("price known models through the root computeCost", () => {
    expect(computeCost("openai", "gpt-4o-mini", usage(1000, 500))).toBeCloseTo(usd(1000, 0.15) + usd(500, 0.6), 12);
    expect(computeCost("anthropic", "claude-haiku-4-5", usage(2_000_000, 0))).toBeCloseTo(2, 12);
    expect(computeCost("google", "gemini-2.5-pro", usage(300_000, 0))).toBeCloseTo(usd(300_000, 2.5), 12);
    expect(computeCost("openai", "gpt-99-turbo", usage(10, 10))).toBeUndefined();
    expect(computeCost("acme", "gpt-4o-mini", usage(10, 10))).toBeUndefined();
    expect(computeCost("openai", "gpt-4o-mini", undefined)).toBeUndefined();
  });
});

describe("what the built-in tables cover", () => {
  it("each table names its sources and date, and holds well-formed lower-case entries", () => {
    expect(PRICE_TABLES.length).toBeGreaterThanOrEqual(5);
    const rates = (r: Partial<ModelPrices>) =>
      [r.input, r.output, r.cachedInput, r.cacheWrite, r.cacheWrite1h].filter((v) => v !== undefined) as number[];
    for (const table of PRICE_TABLES) {
      expect(table.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(table.sources.length).toBeGreaterThan(0);
      for (const [key, prices] of Object.entries(table.models)) {
        expect(key, key).toMatch(
          /^(openai|anthropic|google|bedrock|vertex|vertex-anthropic|groq|xai|deepseek|together|mistral|openrouter)\/[^A-Z\s]+$/,
        );
        for (const v of rates(prices)) expect(Number.isFinite(v) && v >= 0, key).toBe(true);
        for (const tier of prices.tiers ?? []) {
          expect(tier.above, key).toBeGreaterThan(0);
          expect(tier.input ?? prices.input, key).toBeGreaterThanOrEqual(prices.input);
        }
      }
    }
  });

  for (const [provider, models] of [
    [
      "openai",
      [
        "gpt-5-2025-08-07",
        "gpt-5-mini",
        "gpt-5-nano",
        "gpt-5-pro",
        "gpt-5.1",
        "gpt-5.2",
        "gpt-4.1-2025-04-14",
        "gpt-4.1-mini",
        "gpt-4.1-nano",
        "gpt-4o-2024-11-20",
        "gpt-4o-mini",
        "o1",
        "o3",
        "o3-mini",
        "o4-mini-2025-04-16",
      ],
    ],
    [
      "anthropic",
      [
        "claude-opus-4-1-20250805",
        "claude-opus-4-5",
        "claude-sonnet-4-20250514",
        "claude-sonnet-4-5-20250929",
        "claude-haiku-4-5-20251001",
        "claude-3-7-sonnet-latest",
        "claude-3-5-haiku-20241022",
        "claude-3-haiku-20240307",
      ],
    ],
    [
      "google",
      [
        "gemini-3-pro-preview",
        "gemini-3-flash-preview",
        "gemini-2.5-pro",
        "gemini-2.5-flash",
        "gemini-2.5-flash-lite",
        "gemini-2.0-flash-001",
        "gemini-2.0-flash-lite",
      ],
    ],
    [
      "bedrock",
      [
        "anthropic.claude-sonnet-4-5-20250929-v1:0",
        "us.anthropic.claude-3-5-haiku-20241022-v1:0",
        "amazon.nova-micro-v1:0",
        "amazon.nova-lite-v1:0",
        "amazon.nova-pro-v1:0",
        "us.amazon.nova-premier-v1:0",
        "meta.llama3-3-70b-instruct-v1:0",
        "meta.llama4-scout-17b-instruct-v1:0",
        "mistral.mistral-large-2407-v1:0",
      ],
    ],
    ["groq", ["llama-3.3-70b-versatile", "openai/gpt-oss-120b"]],
    ["deepseek", ["deepseek-chat", "deepseek-reasoner"]],
    ["xai", ["grok-4", "grok-3-mini"]],
    ["together", ["meta-llama/Llama-3.3-70B-Instruct-Turbo"]],
    ["mistral", ["mistral-large-latest", "mistral-small-latest"]],
    ["openrouter", ["anthropic/claude-sonnet-4.5", "openai/gpt-5"]],
  ] as const) {
    it(`${provider}: ${models.join(", ")} are priced`, () => {
      for (const model of models) expect(findPrices(provider, model), `${provider}/${model}`).toBeDefined();
    });
  }

  it("price long prompts at the published long-context rates", () => {
    // Gemini 2.5 Pro and Claude Sonnet 4.5 above 200k prompt tokens; GPT-5.4 above 272k.
    expect(computeCost("google", "gemini-2.5-pro", usage(250_000, 1000))).toBeCloseTo(usd(250_000, 2.5) + usd(1000, 15), 12);
    const claude = usage(300_000, 1000, { cachedTokens: 100_000, cacheWriteTokens: 50_000, cacheWrite1hTokens: 50_000 });
    expect(computeCost("anthropic", "claude-sonnet-4-5-20250929", claude)).toBeCloseTo(
      usd(150_000, 6) + usd(100_000, 0.6) + usd(50_000, 12) + usd(1000, 22.5),
      12,
    );
    expect(computeCost("anthropic", "claude-sonnet-4-5", usage(200_000, 0))).toBeCloseTo(usd(200_000, 3), 12);
    expect(computeCost("openai", "gpt-5.4", usage(300_000, 0))).toBeCloseTo(usd(300_000, 5), 12);
  });

  it("price Bedrock's regional Claude 4.5 endpoints 10% above the global ones, older models alike", () => {
    const u = usage(100_000, 0);
    expect(computeCost("bedrock", "global.anthropic.claude-sonnet-4-5-20250929-v1:0", u)).toBeCloseTo(usd(100_000, 3), 12);
    expect(computeCost("bedrock", "us.anthropic.claude-sonnet-4-5-20250929-v1:0", u)).toBeCloseTo(usd(100_000, 3.3), 12);
    expect(computeCost("bedrock", "us.anthropic.claude-3-5-haiku-20241022-v1:0", u)).toBeCloseTo(usd(100_000, 0.8), 12);
  });
});

describe("registerPrices", () => {
  it("adds a model (and its dated ids)", () => {
    expect(computeCost("acme", "acme-large", usage(1000, 1000))).toBeUndefined();
    registerPrices("acme", "acme-large", { input: 1, output: 2, cachedInput: 0.5 });
    expect(computeCost("acme", "acme-large", usage(1_000_000, 1_000_000))).toBeCloseTo(3, 12);
    expect(computeCost("acme", "acme-large-2026-01-01", usage(1_000_000, 0, { cachedTokens: 1_000_000 }))).toBeCloseTo(0.5, 12);
    registerPrices("openai", "ft:gpt-4o-mini:acme:custom", { input: 0.3, output: 1.2 });
    expect(computeCost("openai", "ft:gpt-4o-mini:acme:custom", usage(1_000_000, 0))).toBeCloseTo(0.3, 12);
  });
});

describe("docs/errors-and-retries.md", () => {
  it("a registered price with a long-context tier", () => {
    registerPrices("acme", "acme-long", { input: 1, output: 4, tiers: [{ above: 128_000, input: 2, output: 8 }] });
    computeCost("acme", "acme-long", { inputTokens: 200_000, outputTokens: 1000, cachedTokens: 0, totalTokens: 201_000 });
    // every token at the tier's rates once the prompt passes 128k: 200,000 × 2/1M + 1,000 × 8/1M = 0.408

    expect(computeCost("acme", "acme-long", usage(200_000, 1000))).toBeCloseTo(0.408, 12);
    expect(computeCost("acme", "acme-long", usage(100_000, 1000))).toBeCloseTo(usd(100_000, 1) + usd(1000, 4), 12);
  });
});

describe("addUsage", () => {
  it("sums usages, skipping undefined, and keeps optional counts when any side has them", () => {
    const sum = addUsage(usage(10, 5, { cachedTokens: 2 }), undefined, usage(1, 1, { reasoningTokens: 3 }));
    expect(sum).toEqual({ inputTokens: 11, outputTokens: 6, cachedTokens: 2, totalTokens: 17, reasoningTokens: 3 });
    expect(addUsage(undefined, undefined)).toBeUndefined();
    expect(addUsage()).toBeUndefined();
  });
});
