/** What replaces a secret in redacted text. */
export const REDACTED = "[redacted]";

/** From this length on a secret is redacted wherever it appears; a shorter one only as a whole token. */
const ANYWHERE_LENGTH = 16;
const TOKEN_CHAR = /[A-Za-z0-9_-]/;
/** A masked key as providers print it: visible ends around a run of `*` (e.g. "sk-proj-****abcd"). */
const MASKED = /[A-Za-z0-9_-]*\*{3,}[A-Za-z0-9_-]*/g;

/** A URL's user info (`https://user:password@host`): everything between `//` and `@`. */
const URL_USER_INFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi;
/** A query parameter (`?name=value`, `&name=value`). */
const QUERY_PARAM = /([?&;])([^=&#\s"'<>]+)=([^&#\s"'<>]+)/g;
/** Query parameters that carry credentials: `key=`, `api-key=`, `access_token=`, `X-Amz-Signature=`, `sig=` (Azure SAS), `code=` … */
const CREDENTIAL_PARAM = /key|token|secret|pass|auth|credential|signature|^sig$|^code$/i;

/**
 * Replaces each non-empty secret (e.g. an API key) in `text` with "[redacted]", longest first so a
 * secret containing another is removed whole. A secret of 16 characters or more is replaced
 * wherever it appears; a shorter one (a test key such as "test") only where it stands as a whole
 * token, so that "claude-3-5-sonnet-latest" keeps its letters. A masked copy of a secret (its
 * first and last characters around `***`) is redacted too, and so are the credentials of a URL
 * whatever they are: its user info (`user:password@`) and the value of a credential query parameter
 * (`?key=`, `&access_token=`, `&X-Amz-Signature=` …), as a runtime's fetch error or a provider's message may quote them.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  if (text === "") return text;
  let out = redactUrlCredentials(text);
  // Only the secrets that occur, longest first (thousands may be remembered).
  const found = secrets.filter((s): s is string => typeof s === "string" && s.length > 0 && out.includes(s));
  found.sort((a, b) => b.length - a.length);
  for (const secret of found) out = secret.length >= ANYWHERE_LENGTH ? out.split(secret).join(REDACTED) : replaceTokens(out, secret);
  if (out.includes("***"))
    out = out.replace(MASKED, (token) => (secrets.some((s) => typeof s === "string" && isMaskOf(token, s)) ? REDACTED : token));
  return out;
}

/** `text` with the user info and the credential query values of every URL in it replaced by "[redacted]". */
function redactUrlCredentials(text: string): string {
  if (!text.includes("=") && !text.includes("@")) return text;
  return text
    .replace(URL_USER_INFO, `$1${REDACTED}@`)
    .replace(QUERY_PARAM, (param, sep: string, name: string) => (CREDENTIAL_PARAM.test(name) ? `${sep}${name}=${REDACTED}` : param));
}

function replaceTokens(text: string, secret: string): string {
  let out = "";
  let from = 0;
  for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
    const before = text[at - 1];
    const after = text[at + secret.length];
    if ((before !== undefined && TOKEN_CHAR.test(before)) || (after !== undefined && TOKEN_CHAR.test(after)) || at < from) continue;
    out += text.slice(from, at) + REDACTED;
    from = at + secret.length;
  }
  return out + text.slice(from);
}

/** Whether `token` is `secret` with its middle replaced by `*` (at least 4 visible characters, fewer than the whole). */
function isMaskOf(token: string, secret: string): boolean {
  const match = /^([^*]*)\*+([^*]*)$/.exec(token);
  if (!match || secret.length < 8) return false;
  const [, head, tail] = match;
  return head.length + tail.length >= 4 && head.length + tail.length < secret.length && secret.startsWith(head) && secret.endsWith(tail);
}

/**
 * Redacts secrets in every string inside a JSON-like value (strings, arrays, plain objects): the
 * value itself when nothing changed, else a copy. An own `__proto__` key stays an ordinary key: it
 * never replaces the copy's prototype. An error inside is redacted as `redactError` does; other
 * class instances are kept as they are.
 */
export function redactDeep(value: unknown, secrets: readonly (string | undefined)[], depth = 0): unknown {
  if (typeof value === "string") return redactSecrets(value, secrets);
  if (value instanceof Error) return redactError(value, secrets);
  if (typeof value !== "object" || value === null || depth > 32) return value;
  if (Array.isArray(value)) {
    const items = value.map((item) => redactDeep(item, secrets, depth + 1));
    return items.some((item, i) => !Object.is(item, value[i])) ? items : value;
  }
  // A class instance (a Date, bytes, a call response) is not JSON-like data: kept as it is.
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  let changed = false;
  for (const [key, item] of Object.entries(value)) {
    const name = redactSecrets(key, secrets);
    const redacted = redactDeep(item, secrets, depth + 1);
    changed ||= name !== key || !Object.is(redacted, item);
    Object.defineProperty(out, name, { value: redacted, enumerable: true, writable: true, configurable: true });
  }
  return changed ? out : value;
}

/**
 * `error` itself when no secret appears in its message chain or its own data (a runtime's `code`,
 * Node's `input` URL …); otherwise a copy of the chain (name, message, own data, cause) with every
 * secret redacted, so a runtime's own error can be kept as `cause`.
 */
export function redactError(error: unknown, secrets: readonly (string | undefined)[], depth = 0): unknown {
  if (typeof error === "string") return redactSecrets(error, secrets);
  if (!(error instanceof Error) || depth > 4 || !leaks(error, secrets, 0)) return error;
  const cause = (error as { cause?: unknown }).cause;
  const copy = new Error(
    redactSecrets(error.message, secrets),
    cause === undefined ? undefined : { cause: redactError(cause, secrets, depth + 1) },
  );
  // Own data of a primitive kind (`code`, `errno`, `input` …) is kept, redacted; objects are left out.
  for (const [key, value] of Object.entries(error)) {
    const primitive = typeof value !== "object" && typeof value !== "function";
    if (primitive && key !== "message" && key !== "stack") Object.assign(copy, { [key]: redactDeep(value, secrets) });
  }
  copy.name = error.name;
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}

function leaks(error: unknown, secrets: readonly (string | undefined)[], depth: number): boolean {
  if (error === undefined || error === null || depth > 4) return false;
  if (typeof error === "string") return redactSecrets(error, secrets) !== error;
  if (!(error instanceof Error)) return false;
  const own = Object.values(error).filter((value) => typeof value === "string");
  const text = [error.message, error.stack ?? "", ...own].join("\n");
  return redactSecrets(text, secrets) !== text || leaks((error as { cause?: unknown }).cause, secrets, depth + 1);
}
