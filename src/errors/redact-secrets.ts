/** What replaces a secret in redacted text. */
export const REDACTED = "[redacted]";

/**
 * Replaces every occurrence of each non-empty secret (e.g. an API key) in `text` with "[redacted]".
 * Longer secrets are replaced first so that one secret containing another is removed whole.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  const list = secrets.filter((s): s is string => typeof s === "string" && s.length > 0);
  list.sort((a, b) => b.length - a.length);
  let out = text;
  for (const secret of list) out = out.split(secret).join(REDACTED);
  return out;
}

/** Redacts secrets in every string inside a JSON-like value (strings, arrays, plain objects); returns a copy. */
export function redactDeep(value: unknown, secrets: readonly (string | undefined)[], depth = 0): unknown {
  if (typeof value === "string") return redactSecrets(value, secrets);
  if (typeof value !== "object" || value === null || depth > 32) return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[redactSecrets(key, secrets)] = redactDeep(item, secrets, depth + 1);
  }
  return out;
}
