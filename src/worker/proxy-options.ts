/** One provider the proxy forwards to. */
export interface ProxyProviderConfig {
  /** The provider API key; it stays on the server and never appears in a response. */
  apiKey: string;
  /** The provider's API base URL (defaults to its public API). */
  baseURL?: string;
  /** When given, only requests naming one of these models are forwarded (others get 403). */
  models?: readonly string[];
}

/** Options of {@link createProxyHandler}. */
export interface ProxyHandlerOptions {
  /** The providers to forward to; any other provider in the path gets 404. */
  providers: {
    openai?: ProxyProviderConfig;
    anthropic?: ProxyProviderConfig;
    google?: ProxyProviderConfig;
  };
  /** The path the proxy answers under (default "/llm"): `{prefix}/{provider}/{rest}` → `{baseURL}/{rest}`. */
  prefix?: string;
  /** The largest request body accepted, in bytes (default 1,000,000); larger ones get 413. */
  maxBodyBytes?: number;
  /** The fetch used upstream (default `globalThis.fetch`). */
  fetch?: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /** Sets `access-control-allow-origin` and answers CORS preflights (e.g. "https://app.example" or "*"). */
  allowOrigin?: string;
}

/** The provider names the proxy knows. */
export type ProxyProviderName = keyof ProxyHandlerOptions["providers"];
