/** How a provider reaches its API. Every field is optional; providers add their own. */
export interface ClientOptions {
  /** The API key. Defaults to the provider's environment variable where one is readable. */
  apiKey?: string;
  /** The API's base URL, e.g. a proxy that keeps keys server-side. */
  baseURL?: string;
  /** The `fetch` to use (a replay fetch in tests, a custom one in odd runtimes). */
  fetch?: typeof globalThis.fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}
