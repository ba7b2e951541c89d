import { AuthenticationError } from "../errors/index.ts";

/** What a missing-key error names: the provider, the key, and where a key may come from. */
export interface MissingKey {
  /** The provider's name, e.g. "openai". */
  provider: string;
  /** What the key is called, e.g. "Gemini API key". */
  key: string;
  /** The environment variables read for it, in order. */
  envs: readonly string[];
}

/**
 * The `AuthenticationError` for a call to a provider's own API without a key, before any request:
 * the same message for every provider (providers build it in their lazily loaded failures module).
 */
export function missingKeyError({ provider, key, envs }: MissingKey): AuthenticationError {
  const env = envs.length === 0 ? "" : ` or set the ${envs.join(" (or ")}${envs.length > 1 ? ")" : ""} environment variable`;
  return new AuthenticationError(
    `No ${key}: pass client: { apiKey }${env}. In browsers and Workers there is no environment: pass the key ` +
      "from a secret binding, or a baseURL of a proxy that adds it.",
    { status: 0, provider, isRetryable: false },
  );
}
