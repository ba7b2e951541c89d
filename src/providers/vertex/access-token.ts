// A service account's OAuth 2.0 access token for Vertex AI: a JWT assertion signed in the runtime and
// exchanged at Google's token endpoint ("Using OAuth 2.0 for Server to Server Applications",
// https://developers.google.com/identity/protocols/oauth2/service-account#httprest: claims iss, scope,
// aud = the token URI, iat, exp at most one hour later; POST grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer
// and assertion as a form; the answer is { access_token, expires_in, token_type }).
import type { ServiceAccountKey } from "./service-account.ts";
import { importPrivateKey, signJwt } from "./sign-jwt.ts";
import { tokenError, tokenNetworkError } from "./failures.ts";

/** The OAuth scope Vertex AI needs. */
export const CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";
/** Google's token endpoint, the JWT's audience. */
export const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";
/** A token is renewed this long before it expires, so a request never carries one about to lapse. */
export const TOKEN_MARGIN_MS = 5 * 60 * 1000;
/** The assertion's lifetime: Google allows at most one hour. */
const ASSERTION_LIFETIME_S = 3600;
/** How long the token endpoint may take to answer (the exchange runs before the call's own timeouts start). */
export const TOKEN_TIMEOUT_MS = 30_000;

interface Token {
  value: string;
  /** Epoch ms after which the token is renewed (its expiry minus the margin). */
  renewAt: number;
}

/** Tokens by account, key and endpoint; the promise also makes concurrent calls share one exchange. */
const tokens = new Map<string, Promise<Token>>();
/** Imported signing keys, so the PEM is parsed once per key. */
const signingKeys = new Map<string, Promise<CryptoKey>>();

/** Options of {@link serviceAccountToken}. */
export interface TokenOptions {
  /** The `fetch` that reaches the token endpoint (the call's client `fetch`). */
  fetch?: typeof globalThis.fetch;
  /** The clock, in epoch ms (tests move it). */
  now?: () => number;
  /** How long the token endpoint may take (default {@link TOKEN_TIMEOUT_MS}). */
  timeoutMs?: number;
  /** Ends this caller's wait with the signal's reason (an exchange other calls share goes on, within its deadline). */
  signal?: AbortSignal;
}

/**
 * An access token for `key`: the cached one while it is valid for more than {@link TOKEN_MARGIN_MS},
 * else a new one from the token endpoint. A failed exchange is not cached. An abort of `options.signal`
 * rejects with its reason at once.
 */
export function serviceAccountToken(key: ServiceAccountKey, options: TokenOptions = {}): Promise<string> {
  const { signal } = options;
  if (!signal) return tokenFor(key, options);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    tokenFor(key, options)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener("abort", onAbort));
  });
}

async function tokenFor(key: ServiceAccountKey, options: TokenOptions): Promise<string> {
  const now = options.now ?? Date.now;
  const tokenUrl = key.token_uri ?? GOOGLE_TOKEN_URL;
  const id = `${key.client_email}\n${key.private_key_id ?? key.private_key}\n${tokenUrl}`;
  const cached = tokens.get(id);
  if (cached) {
    const token = await cached.catch(() => undefined);
    if (token && now() < token.renewAt) return token.value;
    if (tokens.get(id) !== cached) return tokenFor(key, options);
  }
  const pending = exchange(key, tokenUrl, options.fetch ?? globalThis.fetch.bind(globalThis), now, options.timeoutMs ?? TOKEN_TIMEOUT_MS);
  tokens.set(id, pending);
  pending.catch(() => tokens.get(id) === pending && tokens.delete(id));
  return (await pending).value;
}

/** Signs a fresh assertion and exchanges it for a token. */
async function exchange(
  key: ServiceAccountKey,
  tokenUrl: string,
  fetch: typeof globalThis.fetch,
  now: () => number,
  timeoutMs: number,
): Promise<Token> {
  const signingId = `${key.private_key_id ?? ""}\n${key.private_key}`;
  let signingKey = signingKeys.get(signingId);
  if (!signingKey) {
    signingKey = importPrivateKey(key.private_key);
    signingKeys.set(signingId, signingKey);
    signingKey.catch(() => signingKeys.delete(signingId));
  }
  const iat = Math.floor(now() / 1000);
  const claims = { iss: key.client_email, scope: CLOUD_PLATFORM_SCOPE, aud: tokenUrl, iat, exp: iat + ASSERTION_LIFETIME_S };
  const assertion = await signJwt(claims, await signingKey, key.private_key_id);
  const body = new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion });
  // A token endpoint that never answers must not hang the call: the exchange has its own deadline.
  // Raced with the deadline too: a fetch that ignores its signal, or a body that stalls, cannot hang it.
  const signal = AbortSignal.timeout(timeoutMs);
  const deadline = new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
  let response: Response;
  let text: string;
  try {
    const headers = { "content-type": "application/x-www-form-urlencoded" };
    response = await Promise.race([fetch(tokenUrl, { method: "POST", headers, body: body.toString(), signal }), deadline]);
    text = await Promise.race([response.text(), deadline]);
  } catch (cause) {
    throw await tokenNetworkError(tokenUrl, signal.aborted ? `no answer within ${timeoutMs} ms` : cause, [assertion]);
  }
  if (!response.ok) throw await tokenError(response, text, [assertion]);
  const answer = readTokenAnswer(text);
  if (!answer) throw await tokenError(response, text, [assertion]);
  return { value: answer.access_token, renewAt: now() + answer.expires_in * 1000 - TOKEN_MARGIN_MS };
}

/** The token and its lifetime (seconds, default one hour), or undefined for an answer without a token. */
function readTokenAnswer(text: string): { access_token: string; expires_in: number } | undefined {
  try {
    const json = JSON.parse(text) as { access_token?: unknown; expires_in?: unknown };
    if (typeof json.access_token !== "string" || json.access_token === "") return undefined;
    const expiresIn = typeof json.expires_in === "number" ? json.expires_in : Number(json.expires_in ?? 3600);
    return { access_token: json.access_token, expires_in: Number.isFinite(expiresIn) ? expiresIn : 3600 };
  } catch {
    return undefined;
  }
}
