import type { ModelPrices } from "./model-prices.ts";
import type { Usage } from "../usage.ts";

/** Prices added with `registerPrices`, consulted before the built-in tables. */
const registered = /* @__PURE__ */ new Map<string, ModelPrices>();

/** The built-in tables of the providers in use ("provider/model" keys), added by `callFactory`. */
const builtIn: Record<string, ModelPrices> = {};

/** Adds a provider's built-in prices (its definition's `prices`); entries keep their identity. */
export function addBuiltInPrices(models: Readonly<Record<string, ModelPrices>>): void {
  Object.assign(builtIn, models);
}

/** Other names a provider goes by in price keys. */
const PROVIDER_ALIASES: Record<string, string> = { gemini: "google", "google-genai": "google", vertex: "google" };

/**
 * What may follow a priced model id and still be the same model at the same price: a date
 * (`-2024-07-18`, `-20251001`, `@20251001`), `-latest`, a Gemini revision (`-001`) or a preview/exp tag.
 */
const VERSION_SUFFIX = /^[-@](?:\d{4}-\d{2}-\d{2}|\d{8}|latest|\d{3}|(?:preview|exp)(?:-[\w.-]*)?)$/;

const PER_TOKEN = 1 / 1_000_000;
const LONG_PROMPT = 200_000;

/**
 * Adds or replaces the prices (USD per 1,000,000 tokens) of a model, e.g. a fine-tune or a model
 * newer than the built-in table. Dated variants of `model` resolve to it too.
 *
 * @example registerPrices("openai", "ft:gpt-4o-mini:acme", { input: 0.3, output: 1.2, cachedInput: 0.15 })
 */
export function registerPrices(provider: string, model: string, prices: ModelPrices): void {
  registered.set(priceKey(provider, model), { ...prices });
}

/** The prices used for `provider`/`model` (registered, else built in): an exact entry, else the longest entry the id extends by a version suffix. */
export function findPrices(provider: string, model: string): ModelPrices | undefined {
  const key = priceKey(provider, model);
  const exact = registered.get(key) ?? builtIn[key];
  if (exact) return exact;
  let best: { length: number; prices: ModelPrices } | undefined;
  // Registered entries come last so that, at equal length, they win over built-in ones.
  for (const [candidate, prices] of [...Object.entries(builtIn), ...registered]) {
    if (!key.startsWith(candidate) || !VERSION_SUFFIX.test(key.slice(candidate.length))) continue;
    if (!best || candidate.length >= best.length) best = { length: candidate.length, prices };
  }
  return best?.prices;
}

/**
 * The cost in USD of a call's usage, or undefined when the model's prices are unknown or there is
 * no usage. Cached prompt tokens are priced at the cached rate and cache writes at the cache-write
 * rate; neither is also charged as ordinary input (see {@link Usage}: `inputTokens` includes them).
 */
export function computeCost(provider: string, model: string, usage: Usage | undefined): number | undefined {
  if (!usage) return undefined;
  const prices = findPrices(provider, model);
  if (!prices) return undefined;
  const long = usage.inputTokens > LONG_PROMPT;
  const input = (long ? prices.inputAbove200k : undefined) ?? prices.input;
  const output = (long ? prices.outputAbove200k : undefined) ?? prices.output;
  const cached = (long ? prices.cachedInputAbove200k : undefined) ?? prices.cachedInput ?? input;
  const cacheWrite = prices.cacheWrite ?? input;
  const cacheWrite1h = prices.cacheWrite1h ?? cacheWrite;
  const cachedTokens = count(usage.cachedTokens);
  const writeTokens = count(usage.cacheWriteTokens);
  const hourTokens = Math.min(count(usage.cacheWrite1hTokens), writeTokens);
  const uncached = Math.max(0, count(usage.inputTokens) - cachedTokens - writeTokens);
  const total =
    uncached * input +
    cachedTokens * cached +
    (writeTokens - hourTokens) * cacheWrite +
    hourTokens * cacheWrite1h +
    count(usage.outputTokens) * output;
  return total * PER_TOKEN;
}

function priceKey(provider: string, model: string): string {
  const p = provider.toLowerCase();
  const name = PROVIDER_ALIASES[p] ?? p;
  // Accept "openai/gpt-4o-mini" and Google's "models/gemini-2.5-flash" as the model too.
  const bare = model.toLowerCase().replace(/^models\//, "");
  return bare.startsWith(`${name}/`) ? bare : `${name}/${bare}`;
}

function count(value: number | undefined): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
}
