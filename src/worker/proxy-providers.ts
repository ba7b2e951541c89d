import type { ProxyProviderName } from "./proxy-options.ts";

/** How the proxy talks to one provider: its default URL, its key header, and where a request names its model. */
export interface ProxyProviderSpec {
  baseURL: string;
  /** Headers carrying the key, set on every upstream request (plus defaults the client may override). */
  authHeaders(apiKey: string): Record<string, string>;
  defaultHeaders: Record<string, string>;
  /** The model a request names, from its path (after the provider segment) or its JSON body. */
  modelOf(rest: string, body: () => unknown): string | undefined;
  /** Query parameters a client may not send (a key in the URL). */
  blockedQuery: readonly string[];
  /** The endpoints forwarded unless the config lists its own (`{model}` stands for a model name). */
  endpoints: readonly string[];
}

const fromBody = (_rest: string, body: () => unknown): string | undefined => {
  const value = body();
  if (typeof value !== "object" || value === null) return undefined;
  const model = (value as { model?: unknown }).model;
  return typeof model === "string" ? model : undefined;
};

/** Gemini names the model in the path: `models/{model}:generateContent`. */
const fromGooglePath = (rest: string): string | undefined => {
  const match = /^models\/([^/:]+)(?::[^/]*)?$/.exec(rest);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
};

/** The providers the proxy can forward to. */
export const PROXY_PROVIDERS: Record<ProxyProviderName, ProxyProviderSpec> = {
  openai: {
    baseURL: "https://api.openai.com/v1",
    authHeaders: (key) => ({ authorization: `Bearer ${key}` }),
    defaultHeaders: {},
    modelOf: fromBody,
    blockedQuery: [],
    endpoints: ["chat/completions"],
  },
  anthropic: {
    baseURL: "https://api.anthropic.com/v1",
    authHeaders: (key) => ({ "x-api-key": key }),
    defaultHeaders: { "anthropic-version": "2023-06-01" },
    modelOf: fromBody,
    blockedQuery: [],
    endpoints: ["messages"],
  },
  google: {
    baseURL: "https://generativelanguage.googleapis.com/v1beta",
    authHeaders: (key) => ({ "x-goog-api-key": key }),
    defaultHeaders: {},
    modelOf: fromGooglePath,
    blockedQuery: ["key"],
    endpoints: ["models/{model}:generateContent", "models/{model}:streamGenerateContent"],
  },
};
