/** One provider the proxy forwards to. */
export interface ProxyProviderConfig {
  /** The provider API key; it stays on the server and never appears in a response. */
  apiKey: string;
  /** The provider's API base URL (defaults to its public API). */
  baseURL?: string;
  /** When given, only requests naming one of these models are forwarded (others get 403). */
  models?: readonly string[];
  /**
   * The endpoints (paths after `{prefix}/{provider}/`) forwarded; `{model}` stands for a model name.
   * Default: the chat endpoints only — OpenAI `chat/completions`, Anthropic `messages`, Gemini
   * `models/{model}:generateContent` and `models/{model}:streamGenerateContent`. Add others (e.g.
   * `"responses"`) on purpose: fine-tuning, batches or files would spend the key on anything.
   */
  endpoints?: readonly string[];
}

/** Options of {@link createProxyHandler}. */
export interface ProxyHandlerOptions {
  /** The providers to forward to; any other provider in the path gets 404. */
  providers: {
    openai?: ProxyProviderConfig;
    anthropic?: ProxyProviderConfig;
    google?: ProxyProviderConfig;
  };
  /**
   * Decides who may spend the keys, before anything else is read: `true` forwards, `false` answers
   * 401, a `Response` is sent as it is (e.g. a 429 from your rate limiter). Without it, anyone who
   * can reach the URL can use the keys: check a session cookie or token here.
   */
  authorize?: (request: Request) => boolean | Response | Promise<boolean | Response>;
  /** The path the proxy answers under (default "/llm"): `{prefix}/{provider}/{rest}` → `{baseURL}/{rest}`. */
  prefix?: string;
  /** The largest request body accepted, in bytes (default 1,000,000); larger ones get 413. */
  maxBodyBytes?: number;
  /** How long a client may take to send its body, in ms (default 10,000); a slower one gets 408. */
  bodyTimeoutMs?: number;
  /** The most output tokens a request may ask for (`max_tokens`, `max_completion_tokens`, `max_output_tokens`, `maxOutputTokens`; default 32,768). */
  maxTokens?: number;
  /** The most choices a request may ask for (`n`, `candidateCount`; default 1). */
  maxChoices?: number;
  /** Client headers forwarded besides `content-type`, `accept` and `anthropic-version` (e.g. "anthropic-beta"); all others are dropped. */
  passHeaders?: readonly string[];
  /** The fetch used upstream (default `globalThis.fetch`). */
  fetch?: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /**
   * Sets `access-control-allow-origin` and answers CORS preflights (e.g. "https://app.example" or
   * "*"). With an origin (not "*"), requests from another `Origin` get 403.
   */
  allowOrigin?: string;
}

/** The provider names the proxy knows. */
export type ProxyProviderName = keyof ProxyHandlerOptions["providers"];
