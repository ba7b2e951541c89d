import { BrowserApiKeyError } from "../../errors/index.ts";

/** True in a web page (a window with a document); false in Node, Deno, Workers and web workers. */
export function isBrowserRuntime(): boolean {
  return typeof document !== "undefined" && typeof window !== "undefined";
}

/** What {@link checkBrowserKey} decides on. */
export interface BrowserKeyCheck {
  provider: string;
  /** Whether the code runs in a web page (pass `isBrowserRuntime()`; tests pass either). */
  isBrowser: boolean;
  /** Whether the caller passed `client.apiKey` explicitly. */
  explicitApiKey: boolean;
  /** Whether the request goes to the provider's own API (not a proxy given as `baseURL`). */
  targetsProviderApi: boolean;
  /** `client.dangerouslyAllowBrowser`. */
  dangerouslyAllowBrowser?: boolean;
}

/**
 * Throws `BrowserApiKeyError` for a call from a web page to the provider's own API without an explicit
 * key: there is no key to send from a page, and there should not be one. A proxy `baseURL`, an explicit
 * `apiKey` (e.g. one the user typed in) or `dangerouslyAllowBrowser: true` let the call through.
 */
export function checkBrowserKey(check: BrowserKeyCheck): void {
  if (!check.isBrowser || check.explicitApiKey || !check.targetsProviderApi || check.dangerouslyAllowBrowser) return;
  throw new BrowserApiKeyError(
    `This web page would call ${check.provider}'s API directly, and keys do not belong in pages: anyone can read them. ` +
      "Send it through a server-side proxy that adds the key (client: { baseURL }), or pass a key you accept to expose (client: { apiKey }).",
    { provider: check.provider },
  );
}
