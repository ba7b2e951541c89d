import type { ClientOptions } from "../../http/client-options.ts";
import { readEnv } from "../../http/env.ts";
import type { OpenAIEndpoint, OpenAIProviderSettings } from "./provider-settings.ts";
import { failures } from "./seams.ts";

/** How the OpenAI provider (or an OpenAI-compatible preset) reaches its API. */
export interface OpenAIClientOptions extends ClientOptions {
  /** The API key; defaults to the provider's environment variable (`OPENAI_API_KEY`) where the runtime has one. */
  apiKey?: string;
  /** Defaults to `https://api.openai.com/v1` (or the preset's URL); point it at a proxy to keep keys server-side. */
  baseURL?: string;
  /** Sent as the `OpenAI-Organization` header. */
  organization?: string;
  /** Sent as the `OpenAI-Project` header. */
  project?: string;
  /** Allows calls from a web page straight to the provider's API (the key is then visible to visitors). */
  dangerouslyAllowBrowser?: boolean;
}

/** A resolved client: where to send a call, with which headers, and which values to redact from errors. */
export interface ResolvedOpenAIClient {
  url: string;
  headers: Record<string, string>;
  secrets: string[];
}

/**
 * Resolves the key, URL and headers of a call. Throws before any request: `BrowserApiKeyError` for a web
 * page calling the provider's own API without an explicit key, `AuthenticationError` when the provider's
 * own API needs a key and none was found (a proxy `baseURL` may work without one).
 */
export async function resolveOpenAIClient(
  settings: OpenAIProviderSettings,
  client: OpenAIClientOptions,
  endpoint: OpenAIEndpoint,
  isBrowser: boolean = typeof document !== "undefined" && typeof window !== "undefined",
): Promise<ResolvedOpenAIClient> {
  const baseURL = (client.baseURL ?? settings.baseURL).replace(/\/+$/, "");
  const targetsProviderApi = sameOrigin(baseURL, settings.baseURL);
  // The guard (and its error) load only when it refuses: a web page calling the provider's own API
  // with no explicit key. A page that calls a proxy (the recommended set-up) never loads it.
  if (isBrowser && !client.apiKey && targetsProviderApi && settings.requiresApiKey && !client.dangerouslyAllowBrowser) {
    (await failures()).checkBrowserKey({
      provider: settings.name,
      isBrowser,
      explicitApiKey: false,
      targetsProviderApi: true,
    });
  }
  const apiKey = client.apiKey || (settings.apiKeyEnv ? readEnv(settings.apiKeyEnv) : undefined);
  if (!apiKey && settings.requiresApiKey && targetsProviderApi) throw (await failures()).missingKey(settings);
  const headers: Record<string, string> = { "content-type": "application/json", ...settings.headers };
  if (apiKey) {
    if (settings.auth === "api-key") headers["api-key"] = apiKey;
    else headers.authorization = `Bearer ${apiKey}`;
  }
  if (client.organization) headers["openai-organization"] = client.organization;
  if (client.project) headers["openai-project"] = client.project;
  Object.assign(headers, client.headers);
  const url = settings.url ? settings.url(baseURL, endpoint) : `${baseURL}/${endpoint}`;
  return { url, headers, secrets: apiKey ? [apiKey] : [] };
}

/** Whether two base URLs point at the same origin (a proxy on another host does not). */
function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return a === b;
  }
}
