// Cost: the price table (seeded from prices.json), model id resolution, cached tokens priced once,
// cache writes, long-prompt tiers, registered prices, and usage arithmetic.
import { describe, expect, it } from "vitest";
import { computeCost, findPrices, registerPrices } from "../../src/core/cost/cost.ts";
import { PRICES } from "../../src/llm/prices.ts";
import { addUsage, type Usage } from "../../src/core/usage.ts";
import { fixtures } from "../fixtures/index.ts";

function usage(inputTokens: number, outputTokens: number, extra: Partial<Usage> = {}): Usage {
  return { inputTokens, outputTokens, cachedTokens: 0, totalTokens: inputTokens + outputTokens, ...extra };
}

/** USD for `tokens` at `perMillion` USD per 1M tokens. */
const usd = (tokens: number, perMillion: number) => (tokens * perMillion) / 1_000_000;

describe("price table", () => {
  it("keeps its date and sources", () => {
    expect(PRICES.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(PRICES.sources.some((s) => s.includes("litellm"))).toBe(true);
    expect(PRICES.units).toBe("USD per 1,000,000 tokens");
  });

  it("has every OpenAI, Anthropic and Gemini model of prices.json with the same figures", () => {
    const source = JSON.parse(fixtures["prices.json"]) as {
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
      expect([prices.input, prices.output, prices.cachedInput, prices.cacheWrite, prices.cacheWrite1h]).toEqual([
        m.input,
        m.output,
        m.cached_input,
        m.cache_write_5m,
        m.cache_write_1h,
      ]);
    }
  });
});

describe("computeCost", () => {
  it("prices 1-hour cache writes at their own rate, the rest of the writes at the 5-minute rate", () => {
    // claude-haiku-4-5: input $1, 5-minute write $1.25, 1-hour write $2, output $5 per 1M tokens.
    const u = usage(1000 + 300 + 200, 10, { cacheWriteTokens: 500, cacheWrite1hTokens: 200 });
    expect(computeCost("anthropic", "claude-haiku-4-5", u)).toBeCloseTo(usd(1000, 1) + usd(300, 1.25) + usd(200, 2) + usd(10, 5), 12);
    // More 1-hour tokens than writes (a malformed usage) never prices more than the writes.
    const odd = usage(100, 0, { cacheWriteTokens: 50, cacheWrite1hTokens: 80 });
    expect(computeCost("anthropic", "claude-haiku-4-5", odd)).toBeCloseTo(usd(50, 1) + usd(50, 2), 12);
    // Without a 1-hour price, the 5-minute write price applies.
    expect(computeCost("anthropic", "claude-3-5-haiku", usage(10, 0, { cacheWriteTokens: 10, cacheWrite1hTokens: 10 }))).toBeCloseTo(
      usd(10, 1.6),
      12,
    );
  });

  it("prices a known model's input and output", () => {
    expect(computeCost("openai", "gpt-4o-mini", usage(1000, 500))).toBeCloseTo(usd(1000, 0.15) + usd(500, 0.6), 12);
    expect(computeCost("anthropic", "claude-haiku-4-5", usage(2_000_000, 0))).toBeCloseTo(2, 12);
    expect(computeCost("google", "gemini-2.5-flash", usage(0, 1_000_000))).toBeCloseTo(2.5, 12);
  });

  it("resolves dated and versioned ids to their base model", () => {
    const u = usage(1_000_000, 1_000_000);
    expect(computeCost("openai", "gpt-4o-mini-2024-07-18", u)).toBeCloseTo(0.75, 12);
    expect(computeCost("openai", "gpt-4o-2024-08-06", u)).toBeCloseTo(12.5, 12);
    expect(computeCost("anthropic", "claude-haiku-4-5-20251001", u)).toBeCloseTo(6, 12);
    expect(computeCost("anthropic", "claude-3-5-sonnet-latest", u)).toBeCloseTo(18, 12);
    expect(findPrices("anthropic", "claude-sonnet-4-5-20250929")).toBe(PRICES.models["anthropic/claude-sonnet-4-5"]);
    expect(findPrices("anthropic", "claude-sonnet-4-20250514")).toBe(PRICES.models["anthropic/claude-sonnet-4"]);
    expect(findPrices("openai", "gpt-4.1-mini-2025-04-14")).toBe(PRICES.models["openai/gpt-4.1-mini"]);
  });

  it("accepts provider-prefixed ids, Google's models/ prefix and the gemini alias", () => {
    const u = usage(1_000_000, 0);
    expect(computeCost("openai", "openai/gpt-4o-mini", u)).toBeCloseTo(0.15, 12);
    expect(computeCost("google", "models/gemini-2.5-flash", u)).toBeCloseTo(0.3, 12);
    expect(computeCost("gemini", "gemini-2.0-flash-001", u)).toBeCloseTo(0.1, 12);
  });

  it("does not price a different model that merely shares a prefix", () => {
    const u = usage(1000, 1000);
    expect(computeCost("openai", "gpt-4o-mini-audio-preview", u)).toBeUndefined();
    expect(computeCost("google", "gemini-2.5-flash-lite", u)).toBeUndefined();
    expect(findPrices("openai", "gpt-4o-mini-2024-07-18")).toBe(PRICES.models["openai/gpt-4o-mini"]);
  });

  it("is undefined for an unknown model or provider, or without usage", () => {
    expect(computeCost("openai", "gpt-99-turbo", usage(10, 10))).toBeUndefined();
    expect(computeCost("acme", "gpt-4o-mini", usage(10, 10))).toBeUndefined();
    expect(computeCost("openai", "gpt-4o-mini", undefined)).toBeUndefined();
    expect(computeCost("openai", "gpt-4o-mini", usage(0, 0))).toBe(0);
  });

  it("prices cached input tokens at the cached rate, once", () => {
    // 1000 prompt tokens of which 400 came from the cache: 600 at 0.15, 400 at 0.075.
    const cost = computeCost("openai", "gpt-4o-mini", usage(1000, 100, { cachedTokens: 400 }));
    expect(cost).toBeCloseTo(usd(600, 0.15) + usd(400, 0.075) + usd(100, 0.6), 12);
    const uncached = computeCost("openai", "gpt-4o-mini", usage(1000, 100))!;
    expect(cost!).toBeLessThan(uncached);
  });

  it("prices cache writes at the cache-write rate, not also as input", () => {
    // 1000 prompt tokens: 300 read from the cache, 200 written to it, 500 ordinary.
    const cost = computeCost("anthropic", "claude-haiku-4-5", usage(1000, 10, { cachedTokens: 300, cacheWriteTokens: 200 }));
    expect(cost).toBeCloseTo(usd(500, 1) + usd(300, 0.1) + usd(200, 1.25) + usd(10, 5), 12);
  });

  it("falls back to the input rate for cache writes a model has no price for", () => {
    const cost = computeCost("openai", "gpt-4o", usage(1000, 0, { cacheWriteTokens: 1000 }));
    expect(cost).toBeCloseTo(usd(1000, 2.5), 12);
  });

  it("uses long-prompt rates above 200k input tokens where the table has them", () => {
    const long = computeCost("google", "gemini-2.5-pro", usage(300_000, 1000, { cachedTokens: 100_000 }));
    expect(long).toBeCloseTo(usd(200_000, 2.5) + usd(100_000, 0.25) + usd(1000, 15), 12);
    const short = computeCost("google", "gemini-2.5-pro", usage(100_000, 1000));
    expect(short).toBeCloseTo(usd(100_000, 1.25) + usd(1000, 10), 12);
  });

  it("never goes negative when a provider reports more cached than input tokens", () => {
    const cost = computeCost("openai", "gpt-4o-mini", usage(10, 0, { cachedTokens: 50 }))!;
    expect(cost).toBeGreaterThanOrEqual(0);
  });
});

describe("registerPrices", () => {
  it("adds a model (and its dated ids) and overrides the table", () => {
    expect(computeCost("acme", "acme-large", usage(1000, 1000))).toBeUndefined();
    registerPrices("acme", "acme-large", { input: 1, output: 2, cachedInput: 0.5 });
    expect(computeCost("acme", "acme-large", usage(1_000_000, 1_000_000))).toBeCloseTo(3, 12);
    expect(computeCost("acme", "acme-large-2026-01-01", usage(1_000_000, 0, { cachedTokens: 1_000_000 }))).toBeCloseTo(0.5, 12);
    registerPrices("openai", "ft:gpt-4o-mini:acme:custom", { input: 0.3, output: 1.2 });
    expect(computeCost("openai", "ft:gpt-4o-mini:acme:custom", usage(1_000_000, 0))).toBeCloseTo(0.3, 12);
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
