/**
 * The most secrets remembered; the least recently used are forgotten first. Large enough for a
 * server that calls with each of its users' own keys: a key still in use must stay remembered.
 */
const LIMIT = 4096;
const known = new Set<string>();

/**
 * Credential headers: their values are secrets wherever they came from (a provider's or
 * `client.headers`): `authorization`, a gateway's `Helicone-Auth` or `cf-aig-authorization`, `x-api-key` …
 */
const CREDENTIAL_HEADER = /auth|cookie|key|token|secret|password|credential/i;

/**
 * Remembers values that must never appear in an error (API keys, credential header values), so
 * that every promptcall error redacts them whichever code path built it. Each call remembers its
 * secrets again, so a key in use is the last to be forgotten. Values shorter than 8
 * characters are ignored: no provider issues keys that short, and a placeholder such as "test" is
 * an ordinary word that redaction would only mangle.
 */
export function rememberSecrets(values: Iterable<string | undefined>): void {
  for (const value of values) {
    if (typeof value !== "string" || value.length < 8) continue;
    // Used again: it becomes the most recent (a Set keeps insertion order).
    known.delete(value);
    known.add(value);
    if (known.size > LIMIT) known.delete(known.values().next().value as string);
  }
}

/** The secret values among request headers: credential headers' values, and a bearer or basic token alone. */
export function headerSecrets(headers: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!CREDENTIAL_HEADER.test(name) || typeof value !== "string") continue;
    out.push(value);
    const token = /^(?:bearer|basic|token)\s+(\S+)$/i.exec(value.trim())?.[1];
    if (token) out.push(token);
  }
  return out;
}

/** The secrets remembered so far. */
export function knownSecrets(): readonly string[] {
  return [...known];
}
