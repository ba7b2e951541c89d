import { NetworkError } from "../errors/network-error.ts";
import { redactSecrets } from "../errors/redact-secrets.ts";

/** The `NetworkError` for a fetch that failed before any response (the URL and secrets kept out). */
export function networkFailure(provider: string, url: string, cause: unknown, secrets: readonly string[]): NetworkError {
  // A runtime's fetch error may quote the URL or headers: redact before it reaches a message.
  const text = redactSecrets(cause instanceof Error ? cause.message : String(cause), secrets);
  return new NetworkError(`Could not reach ${provider} at ${safeOrigin(url)}: ${text}. Check the network and the client's baseURL.`, {
    cause: secrets.length ? text : cause,
  });
}

function safeOrigin(url: string): string {
  try {
    const u = new URL(url);
    return u.origin + u.pathname;
  } catch {
    return "the configured URL";
  }
}
