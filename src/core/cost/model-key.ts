import type { ModelPriceMap, ModelPrices } from "./prices.ts";

/** Other names a provider goes by in price keys. */
const PROVIDER_ALIASES: Readonly<Record<string, string>> = { gemini: "google", "google-genai": "google" };

/**
 * What may follow a priced model id and still be the same model at the same price, one or more of:
 * a date (`-2024-07-18`, `-20251001`, Vertex's `@20251001`), `-latest`, Vertex's `@default`, a Gemini revision (`-001`),
 * a preview/exp tag, a Bedrock version (`-v1:0`, `:0`).
 */
const VERSION_SUFFIX = /^(?:[-@](?:\d{4}-\d{2}-\d{2}|\d{8}|latest|default|\d{3}|v\d+:\d+|(?:preview|exp)(?:-[\w.]+)*)|:\d+)+$/;

/** Bedrock's cross-region inference profile prefixes (`us.anthropic.claude-…`). */
const REGION_PREFIX = /^(?:us|eu|apac|jp|au|ca|us-gov|global)\./;

/**
 * The keys a model is priced under, most specific first: "provider/model", lower case, without what
 * does not name the model: a provider prefix, Google's `models/` (or a Vertex resource path), a
 * Bedrock ARN's path. A Bedrock cross-region id (`us.…`) gives a second key without its prefix, used
 * when the table has no price of its own for the region (some regions cost more).
 *
 * @example priceKeys("bedrock", "us.anthropic.claude-3-5-haiku-20241022-v1:0")
 * // ["bedrock/us.anthropic.claude-3-5-haiku-20241022-v1:0", "bedrock/anthropic.claude-3-5-haiku-20241022-v1:0"]
 */
export function priceKeys(provider: string, model: string): string[] {
  const p = provider.toLowerCase();
  const name = priceProvider(p);
  let bare = model.toLowerCase();
  if (bare.startsWith(`${name}/`)) bare = bare.slice(name.length + 1);
  else if (bare.startsWith(`${p}/`)) bare = bare.slice(p.length + 1);
  const models = bare.lastIndexOf("models/");
  if (models === 0 || bare[models - 1] === "/") bare = bare.slice(models + 7);
  if (bare.startsWith("arn:")) bare = bare.slice(bare.lastIndexOf("/") + 1);
  const regionless = bare.replace(REGION_PREFIX, "");
  return regionless === bare ? [`${name}/${bare}`] : [`${name}/${bare}`, `${name}/${regionless}`];
}

/** The name a provider's prices are keyed under, e.g. "google" for "gemini". */
export function priceProvider(provider: string): string {
  const p = provider.toLowerCase();
  return PROVIDER_ALIASES[p] ?? p;
}

/** The entry for `key`: an exact one, else the longest entry that `key` extends by a version suffix. */
export function matchPrices(table: ModelPriceMap, key: string): ModelPrices | undefined {
  if (Object.hasOwn(table, key)) return table[key];
  let best: string | undefined;
  for (const candidate in table) {
    if (!key.startsWith(candidate) || !VERSION_SUFFIX.test(key.slice(candidate.length))) continue;
    if (best === undefined || candidate.length > best.length) best = candidate;
  }
  return best === undefined ? undefined : table[best];
}
