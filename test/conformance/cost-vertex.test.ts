// Cost on Vertex AI: Gemini ("vertex") and Claude ("vertex-anthropic") calls are priced from Vertex's
// own tables (src/providers/vertex/prices.ts, LiteLLM 2026-07-24), checked on recorded answers
// replayed through Vertex (it answers with the Gemini API's and the Messages API's bodies): cached
// tokens, 5-minute and 1-hour cache writes, the >200k tiers, and Vertex's model ids (`@20251001`, `@default`).
import { describe, expect, it } from "vitest";
import { matchPrices, priceKeys } from "../../src/core/cost/model-key.ts";
import type { ModelPriceMap } from "../../src/core/cost/prices.ts";
import { computeCost, registerPrices } from "../../src/index.ts";
import { google } from "../../src/providers/google/index.ts";
import { VERTEX_ANTHROPIC_PRICES, VERTEX_PRICE_SOURCES, VERTEX_PRICES, vertex, vertexAnthropic } from "../../src/providers/vertex/index.ts";
import { createReplayFetch, fixtureResponse } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";

/** USD for `tokens` at `perMillion` USD per 1M tokens. */
const usd = (tokens: number, perMillion: number) => (tokens * perMillion) / 1_000_000;

/** A recorded body with some of its values replaced (the same wire format; only the counts or the model differ). */
function edited(name: string, edit: (body: any) => void): string {
  const body = JSON.parse(fixtures[name]!);
  edit(body);
  return JSON.stringify(body);
}

const client = (fetch: typeof globalThis.fetch) => ({ fetch, project: "my-project", location: "global", accessToken: "ya29.test" });

/** Runs a Gemini call on Vertex that answers `body`. */
async function gemini(model: string, body: string, stream = false): Promise<any> {
  const fetch = createReplayFetch(fixtureResponse(body));
  const result: any = await vertex.call({ model, stream, client: client(fetch) } as any, () => "Hello")();
  if (stream) for await (const _ of result) void _;
  return result;
}

/** Runs a Claude call on Vertex that answers `body`. */
async function claude(model: string, body: string, stream = false): Promise<any> {
  const fetch = createReplayFetch(fixtureResponse(body));
  const result: any = await vertexAnthropic.call({ model, stream, client: client(fetch) } as any, () => "Hello")();
  if (stream) for await (const _ of result) void _;
  return result;
}

describe("Vertex prices: Gemini", () => {
  it("prices a Vertex answer with implicitly cached tokens: cached ones at the cached rate, once", async () => {
    // Recorded on Vertex AI: promptTokenCount 12013 of which cachedContentTokenCount 11243, 15 + 73 thought tokens out.
    const response = await gemini("gemini-2.5-flash", fixtures["extra/gemini/generate_implicit_cache.json"]!);
    expect(response.provider).toBe("vertex");
    expect(response.usage).toMatchObject({ inputTokens: 12013, cachedTokens: 11243, outputTokens: 88 });
    // gemini-2.5-flash on Vertex: $0.30 in, $0.03 cached, $2.50 out per 1M tokens.
    expect(response.cost).toBeCloseTo(usd(12013 - 11243, 0.3) + usd(11243, 0.03) + usd(88, 2.5), 12);
  });

  it("prices a streamed call once the stream is read (stream.cost)", async () => {
    const stream = await gemini("gemini-2.5-flash", fixtures["gemini/stream_text_usage_live.sse"]!, true);
    const usage = stream.usage!;
    expect(usage.inputTokens).toBeGreaterThan(0);
    expect(usage.outputTokens).toBeGreaterThan(0);
    expect(stream.cost).toBeCloseTo(
      usd(usage.inputTokens - usage.cachedTokens, 0.3) + usd(usage.cachedTokens, 0.03) + usd(usage.outputTokens, 2.5),
      12,
    );
  });

  it("prices every token of a Gemini 2.5 Pro prompt over 200k tokens at the tier's rates", async () => {
    const long = (prompt: number, cached: number) =>
      edited("extra/gemini/generate_implicit_cache.json", (b) => {
        Object.assign(b.usageMetadata, { promptTokenCount: prompt, cachedContentTokenCount: cached, thoughtsTokenCount: 0 });
        b.usageMetadata.candidatesTokenCount = 1000;
        b.modelVersion = "gemini-2.5-pro";
      });
    // Above 200,000 prompt tokens (cached ones count): $2.50 in, $0.25 cached, $15 out.
    const above = await gemini("gemini-2.5-pro", long(250_000, 100_000));
    expect(above.cost).toBeCloseTo(usd(150_000, 2.5) + usd(100_000, 0.25) + usd(1000, 15), 12);
    // At 200,000 (the threshold is exclusive): $1.25 in, $0.125 cached, $10 out.
    const at = await gemini("gemini-2.5-pro", long(200_000, 100_000));
    expect(at.cost).toBeCloseTo(usd(100_000, 1.25) + usd(100_000, 0.125) + usd(1000, 10), 12);
  });

  it("uses Vertex's price where it differs from the Gemini API's (gemini-2.0-flash-001)", async () => {
    const body = edited("gemini/generate_text.json", (b) => {
      b.modelVersion = "gemini-2.0-flash-001";
    });
    const viaVertex = await gemini("gemini-2.0-flash-001", body);
    const { promptTokenCount: input, candidatesTokenCount: text, thoughtsTokenCount: thoughts } = JSON.parse(body).usageMetadata;
    // Vertex: $0.15 in, $0.60 out; the Gemini API: $0.10 in, $0.40 out.
    expect(viaVertex.cost).toBeCloseTo(usd(input, 0.15) + usd(text + thoughts, 0.6), 12);
    const fetch = createReplayFetch(fixtureResponse(body));
    const direct = await google.call({ model: "gemini-2.0-flash-001", client: { fetch, apiKey: "k" } }, () => "Hello")();
    expect(direct.cost).toBeCloseTo(usd(input, 0.1) + usd(text + thoughts, 0.4), 12);
  });
});

describe("Vertex prices: Claude", () => {
  it("prices cache reads and 5-minute cache writes at their rates, each once", async () => {
    // Recorded: input_tokens 3, cache_read_input_tokens 1111, cache_creation_input_tokens 403 (5-minute), output 33.
    const response = await claude("claude-sonnet-4-5@20250929", fixtures["extra/anthropic/cache_read.json"]!);
    expect(response.provider).toBe("vertex-anthropic");
    expect(response.usage).toMatchObject({ inputTokens: 1517, cachedTokens: 1111, cacheWriteTokens: 403, outputTokens: 33 });
    // claude-sonnet-4-5 on Vertex (global): $3 in, $0.30 cache read, $3.75 5-minute write, $15 out.
    expect(response.cost).toBeCloseTo(usd(3, 3) + usd(1111, 0.3) + usd(403, 3.75) + usd(33, 15), 12);
  });

  it("prices a streamed 1-hour cache write at the 1-hour rate (stream.cost)", async () => {
    // Recorded: claude-haiku-4-5-20251001, input_tokens 11, 16522 tokens written with the 1-hour lifetime.
    const stream = await claude("claude-haiku-4-5@20251001", fixtures["extra/anthropic/stream_cache_write_1h.sse"]!, true);
    const usage = stream.usage!;
    expect(usage).toMatchObject({ inputTokens: 11 + 16522, cacheWriteTokens: 16522, cacheWrite1hTokens: 16522 });
    // claude-haiku-4-5: $1 in, $2 1-hour write, $5 out.
    expect(stream.cost).toBeCloseTo(usd(11, 1) + usd(16522, 2) + usd(usage.outputTokens, 5), 12);
  });

  it("prices every token of a Claude Sonnet 4.5 prompt over 200k tokens at the long-context rates", async () => {
    const body = edited("extra/anthropic/cache_read.json", (b) => {
      Object.assign(b.usage, { input_tokens: 150_000, cache_read_input_tokens: 100_000 });
    });
    const response = await claude("claude-sonnet-4-5@20250929", body);
    expect(response.usage.inputTokens).toBe(250_403);
    // Above 200k: $6 in, $0.60 cache read, $7.50 5-minute write, $22.50 out.
    expect(response.cost).toBeCloseTo(usd(150_000, 6) + usd(100_000, 0.6) + usd(403, 7.5) + usd(33, 22.5), 12);
  });
});

describe("Vertex prices: model ids and provenance", () => {
  const find = (provider: string, table: ModelPriceMap, model: string) => {
    for (const key of priceKeys(provider, model)) {
      const prices = matchPrices(table, key);
      if (prices) return prices;
    }
    return undefined;
  };

  for (const [model, key] of [
    ["gemini-2.5-flash", "vertex/gemini-2.5-flash"],
    ["projects/p/locations/global/publishers/google/models/gemini-2.5-flash", "vertex/gemini-2.5-flash"],
    ["gemini-2.0-flash-lite-001", "vertex/gemini-2.0-flash-lite"],
    ["gemini-2.0-flash-001", "vertex/gemini-2.0-flash-001"],
    ["gemini-2.5-flash-lite-preview-09-2025", "vertex/gemini-2.5-flash-lite"],
    ["gemini-3.1-flash-lite-preview", "vertex/gemini-3.1-flash-lite"],
  ] as const) {
    it(`vertex ${model} is priced as ${key}`, () => {
      expect(find("vertex", VERTEX_PRICES, model)).toBe(VERTEX_PRICES[key]);
    });
  }

  for (const [model, key] of [
    ["claude-haiku-4-5@20251001", "vertex-anthropic/claude-haiku-4-5"],
    ["claude-haiku-4-5-20251001", "vertex-anthropic/claude-haiku-4-5"],
    ["claude-sonnet-4-5@20250929", "vertex-anthropic/claude-sonnet-4-5"],
    ["claude-3-7-sonnet@20250219", "vertex-anthropic/claude-3-7-sonnet"],
    ["claude-opus-4-6", "vertex-anthropic/claude-opus-4-6"],
    ["claude-opus-4-6@default", "vertex-anthropic/claude-opus-4-6"],
    ["claude-sonnet-4-6@default", "vertex-anthropic/claude-sonnet-4-6"],
    ["claude-opus-5@default", "vertex-anthropic/claude-opus-5"],
  ] as const) {
    it(`vertex-anthropic ${model} is priced as ${key}`, () => {
      expect(find("vertex-anthropic", VERTEX_ANTHROPIC_PRICES, model)).toBe(VERTEX_ANTHROPIC_PRICES[key]);
    });
  }

  it("no @default entries: an @default id resolves to its model (model-key.ts)", () => {
    expect(Object.keys(VERTEX_ANTHROPIC_PRICES).filter((key) => key.includes("@"))).toEqual([]);
  });

  it("the tables name their sources and date, and hold well-formed lower-case entries", () => {
    expect(VERTEX_PRICE_SOURCES.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(VERTEX_PRICE_SOURCES.sources.length).toBeGreaterThan(0);
    for (const [prefix, table] of [
      ["vertex/", VERTEX_PRICES],
      ["vertex-anthropic/", VERTEX_ANTHROPIC_PRICES],
    ] as const) {
      expect(Object.keys(table).length).toBeGreaterThan(10);
      for (const [key, prices] of Object.entries(table)) {
        expect(key.startsWith(prefix) && key === key.toLowerCase(), key).toBe(true);
        for (const tier of prices.tiers ?? []) expect(tier.input ?? prices.input, key).toBeGreaterThanOrEqual(prices.input);
      }
    }
  });
});

describe("docs/providers-vertex.md", () => {
  it("Costs: regional Claude prices registered over the global ones", () => {
    // Before: the built-in global price.
    expect(
      computeCost("vertex-anthropic", "claude-opus-4-6", { inputTokens: 1000, outputTokens: 500, cachedTokens: 0, totalTokens: 1500 }),
    ).toBeCloseTo(usd(1000, 5) + usd(500, 25), 12);
    // Claude Opus 4.6 called at a regional endpoint only: the global prices + 10%.
    const regional = { input: 5.5, output: 27.5, cachedInput: 0.55, cacheWrite: 6.875, cacheWrite1h: 11 };
    registerPrices("vertex-anthropic", "claude-opus-4-6", regional);
    computeCost("vertex-anthropic", "claude-opus-4-6", { inputTokens: 1000, outputTokens: 500, cachedTokens: 0, totalTokens: 1500 });
    // 1,000 × 5.5/1M + 500 × 27.5/1M = 0.01925

    const usage = { inputTokens: 1000, outputTokens: 500, cachedTokens: 0, totalTokens: 1500 };
    expect(computeCost("vertex-anthropic", "claude-opus-4-6", usage)).toBeCloseTo(0.01925, 12);
    expect(computeCost("vertex-anthropic", "claude-opus-4-6@20260101", usage)).toBeCloseTo(0.01925, 12);
    // `@default` is a version alias too: the registered prices apply to it.
    expect(computeCost("vertex-anthropic", "claude-opus-4-6@default", usage)).toBeCloseTo(0.01925, 12);
  });
});
