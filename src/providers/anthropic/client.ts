import type { ClientOptions } from "../../http/client-options.ts";
import { readEnv } from "../../http/env.ts";
import { failures } from "./seams.ts";

/** The Anthropic API's default base URL. */
export const ANTHROPIC_BASE_URL = "https://api.anthropic.com/v1";
/** The `anthropic-version` sent unless `anthropicVersion` says otherwise. */
export const ANTHROPIC_VERSION = "2023-06-01";
/** The environment variable read for the API key. */
export const ANTHROPIC_API_KEY_ENV = "ANTHROPIC_API_KEY";

const BROWSER_HEADER = "anthropic-dangerous-direct-browser-access";

/** How the Anthropic provider reaches the API. */
export interface AnthropicClientOptions extends ClientOptions {
  /** Sent as `anthropic-version` (default "2023-06-01"). */
  anthropicVersion?: string;
  /** Beta features, sent comma-joined as `anthropic-beta`, e.g. `["interleaved-thinking-2025-05-14"]`. */
  anthropicBeta?: string[];
  /**
   * Sends `anthropic-dangerous-direct-browser-access: true`, which lets a browser page call the API
   * directly. Only do this with a key the user supplied themselves: anyone who loads the page can read it.
   */
  dangerouslyAllowBrowser?: boolean;
}

/** A resolved client: where to send the request, with which headers, and which values to redact. */
export interface ResolvedAnthropicClient {
  url: string;
  headers: Record<string, string>;
  secrets: string[];
}

/**
 * Resolves the API key (explicit, else `ANTHROPIC_API_KEY`), the URL and the headers. A missing key is
 * an `AuthenticationError` before any request, unless a custom `baseURL` (a proxy holding the key) is set.
 */
export async function resolveAnthropicClient(client: AnthropicClientOptions = {}): Promise<ResolvedAnthropicClient> {
  const apiKey = client.apiKey ?? readEnv(ANTHROPIC_API_KEY_ENV);
  if (!apiKey && client.baseURL === undefined) {
    // The error and its message load only when they are needed.
    throw (await failures()).missingKey();
  }
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "anthropic-version": client.anthropicVersion ?? ANTHROPIC_VERSION,
  };
  if (apiKey) headers["x-api-key"] = apiKey;
  if (client.anthropicBeta && client.anthropicBeta.length > 0) headers["anthropic-beta"] = client.anthropicBeta.join(",");
  for (const [name, value] of Object.entries(client.headers ?? {})) {
    const lower = name.toLowerCase();
    // The browser-access header is an explicit opt-in: a stray header must not switch it on.
    if (lower !== BROWSER_HEADER) headers[lower] = value;
  }
  if (client.dangerouslyAllowBrowser === true) headers[BROWSER_HEADER] = "true";
  const base = (client.baseURL ?? ANTHROPIC_BASE_URL).replace(/\/+$/, "");
  return { url: `${base}/messages`, headers, secrets: apiKey ? [apiKey] : [] };
}
