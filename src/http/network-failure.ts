import { NetworkError } from "../errors/index.ts";
import { redactError, redactSecrets } from "../errors/redact-secrets.ts";
import { describeCause } from "./body-failure.ts";

/**
 * The `NetworkError` for a fetch that failed before any response: the message names the runtime's
 * reason down its cause chain (e.g. "fetch failed (connect ECONNREFUSED 127.0.0.1:1)"), and `cause`
 * is the runtime's own error, copied with secrets redacted only when one appears in it.
 */
export function networkFailure(provider: string, url: string, cause: unknown, secrets: readonly string[]): NetworkError {
  // A runtime's fetch error may quote the URL or headers: redact before it reaches a message.
  const text = redactSecrets(describeCause(cause), secrets);
  return new NetworkError(`Could not reach ${provider} at ${safeOrigin(url)}: ${text}. Check the network and the client's baseURL.`, {
    cause: redactError(cause, secrets),
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
