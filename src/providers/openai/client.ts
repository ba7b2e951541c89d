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
  const apiKey = client.apiKey || (settings.apiKeyEnv ? readEnv(settings.apiKeyEnv) : undefined);
  // Without an explicit key, a call to the provider's own API that needs one fails before any request:
  // from a web page (unless dangerouslyAllowBrowser), and elsewhere when no key was found. A page that
  // calls a proxy (the recommended set-up) never loads the guard or its error.
  const page = isBrowser && !client.dangerouslyAllowBrowser;
  if (!client.apiKey && settings.requiresApiKey && (page || !apiKey) && sameOrigin(baseURL, settings.baseURL)) {
    throw (await failures()).keyError(settings, page);
  }
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
