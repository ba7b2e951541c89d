// Lazily loaded price tables (a definition's or an OpenAI-compatible service's `prices` as a
// `PriceLoader`, as the presets' are): the first call loads the table alongside its request and waits
// for it, so `response.cost`, `stream.cost` and middleware hooks see the cost from the first call on,
// streamed or not, directly or through `llm.call`; registered prices still win; a failed load is
// tried again. Each test uses its own service name, so no earlier call has loaded its table.
import { describe, expect, it } from "vitest";
import { llm } from "../../src/index.ts";
import { registerPrices } from "../../src/core/cost/find-prices.ts";
import type { ModelPriceMap } from "../../src/core/cost/prices.ts";
import { withMiddleware } from "../../src/core/middleware/with-middleware.ts";
import { openaiCompatible } from "../../src/providers/openai/services/compatible.ts";
import { createReplayFetch, fixtureResponse } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";

const CHAT = fixtures["openai/chat_text.json"]!;
const STREAM = fixtures["openai/chat_stream_text.sse"]!;
const chatUsage = (JSON.parse(CHAT) as { usage: { prompt_tokens: number; completion_tokens: number } }).usage;

/** USD at 1 per 1M input tokens and 2 per 1M output tokens. */
const usd = (input: number, output: number) => (input * 1 + output * 2) / 1e6;

/** A loader that answers `table` only after `ms` (later than the replayed response), counting its calls. */
function slowLoader(table: ModelPriceMap, ms = 30) {
  const loader = Object.assign(
    async () => {
      loader.calls++;
      await new Promise((resolve) => setTimeout(resolve, ms));
      return table;
    },
    { calls: 0 },
  );
  return loader;
}

/** An OpenAI-compatible service named `name` whose table (models of the fixtures at $1/$2) loads slowly. */
function lazyService(name: string) {
  const prices = slowLoader({
    [`${name}/gpt-4.1-nano`]: { input: 1, output: 2 },
    [`${name}/gpt-4o-mini`]: { input: 1, output: 2 },
  });
  return { service: openaiCompatible({ name, baseURL: "https://lazy.example/v1", prices }), prices };
}

describe("a lazily loaded price table", () => {
  it("prices the first response", async () => {
    const { service, prices } = lazyService("lazy-first");
    const fetch = createReplayFetch(() => fixtureResponse(CHAT));
    const r = await service.call({ model: "gpt-4.1-nano", client: { fetch } }, () => "hi")();
    expect(r.cost).toBeCloseTo(usd(chatUsage.prompt_tokens, chatUsage.completion_tokens), 15);
    // Loaded once: the next call neither loads it again nor waits.
    const again = await service.call({ model: "gpt-4.1-nano", client: { fetch } }, () => "hi")();
    expect(again.cost).toBe(r.cost);
    expect(prices.calls).toBe(1);
  });

  it("prices the first stream once it is read", async () => {
    const { service } = lazyService("lazy-stream");
    const fetch = createReplayFetch({ body: STREAM, headers: { "content-type": "text/event-stream" } });
    const stream = await service.call({ model: "gpt-4o-mini", stream: true, client: { fetch } }, () => "hi")();
    for await (const _ of stream) {
      // drain
    }
    const usage = stream.usage!;
    expect(usage.inputTokens).toBeGreaterThan(0);
    expect(stream.cost).toBeCloseTo(usd(usage.inputTokens, usage.outputTokens), 15);
  });

  it("is loaded before a middleware hook sees the first response", async () => {
    const { service } = lazyService("lazy-hooks");
    const fetch = createReplayFetch(() => fixtureResponse(CHAT));
    const seen: (number | undefined)[] = [];
    const call = withMiddleware(
      service.call({ model: "gpt-4.1-nano", client: { fetch } }, () => "hi"),
      {
        name: "cost-probe",
        onResponse(response) {
          seen.push(response.cost);
        },
      },
    );
    await call();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeCloseTo(usd(chatUsage.prompt_tokens, chatUsage.completion_tokens), 15);
  });

  it("prices the first call made through llm.call", async () => {
    const { service } = lazyService("lazy-llm");
    llm.registerProvider("lazy-llm", service);
    const fetch = createReplayFetch(() => fixtureResponse(CHAT));
    const r = await llm.call({ model: "lazy-llm/gpt-4.1-nano", client: { fetch } }, () => "hi")();
    expect(r.cost).toBeCloseTo(usd(chatUsage.prompt_tokens, chatUsage.completion_tokens), 15);
  });

  it("loses to registered prices, registered before or after it loaded", async () => {
    const { service } = lazyService("lazy-registered");
    registerPrices("lazy-registered", "gpt-4.1-nano", { input: 10, output: 10 });
    const fetch = createReplayFetch(() => fixtureResponse(CHAT));
    const r = await service.call({ model: "gpt-4.1-nano", client: { fetch } }, () => "hi")();
    expect(r.cost).toBeCloseTo(((chatUsage.prompt_tokens + chatUsage.completion_tokens) * 10) / 1e6, 15);
    registerPrices("lazy-registered", "gpt-4.1-nano", { input: 20, output: 20 });
    expect(r.cost).toBeCloseTo(((chatUsage.prompt_tokens + chatUsage.completion_tokens) * 20) / 1e6, 15);
  });

  it("that fails to load leaves the cost unknown, and the next call loads it", async () => {
    let fail = true;
    const table: ModelPriceMap = { "lazy-retry/gpt-4.1-nano": { input: 1, output: 2 } };
    const service = openaiCompatible({
      name: "lazy-retry",
      baseURL: "https://lazy.example/v1",
      prices: async () => {
        if (fail) throw new TypeError("chunk failed to load");
        return table;
      },
    });
    const fetch = createReplayFetch(() => fixtureResponse(CHAT));
    const first = await service.call({ model: "gpt-4.1-nano", client: { fetch } }, () => "hi")();
    expect(first.cost).toBeUndefined();
    fail = false;
    const second = await service.call({ model: "gpt-4.1-nano", client: { fetch } }, () => "hi")();
    expect(second.cost).toBeCloseTo(usd(chatUsage.prompt_tokens, chatUsage.completion_tokens), 15);
  });

  it("does not hold back a call that fails", async () => {
    const { service } = lazyService("lazy-failing");
    const fetch = createReplayFetch({ status: 400, body: '{"error":{"message":"boom"}}' });
    const call = service.call({ model: "gpt-4.1-nano", client: { fetch } }, () => "hi");
    await expect(call()).rejects.toThrow(/boom/);
  });
});

describe("the presets' tables", () => {
  it("price a Groq call made through llm.call", async () => {
    const fetch = createReplayFetch({
      body: fixtures["extra/openai-compatible/groq_stream_tool_call_x_groq_usage.sse"]!,
      headers: { "content-type": "text/event-stream" },
    });
    const stream = await llm.call({ model: "groq/llama-3.3-70b-versatile", stream: true, client: { fetch, apiKey: "k" } }, () => "hi")();
    for await (const _ of stream) {
      // drain
    }
    const usage = stream.usage!;
    // llama-3.3-70b-versatile on Groq: $0.59 in, $0.79 out per 1M tokens.
    expect(stream.cost).toBeCloseTo((usage.inputTokens * 0.59 + usage.outputTokens * 0.79) / 1e6, 15);
  });
});

describe("docs/errors-and-retries.md", () => {
  it("a service's prices as a PriceLoader", async () => {
    const gateway = openaiCompatible({
      name: "my-gateway",
      baseURL: "https://gateway.example/v1",
      // Loaded by the first call, alongside its request; the call waits for it, so `cost` is right at once.
      prices: () => import("./gateway-prices.ts").then((m) => m.GATEWAY_PRICES),
    });
    const fetch = createReplayFetch(() => fixtureResponse(CHAT));
    const r = await gateway.call({ model: "gpt-4.1-nano", client: { fetch } }, () => "hi")();
    expect(r.cost).toBeCloseTo(usd(chatUsage.prompt_tokens, chatUsage.completion_tokens), 15);
  });
});
