import { NetworkError } from "../errors/network-error";
import type { PromptcallError } from "../errors/promptcall-error";
import { redactSecrets } from "../errors/redact-secrets";
import { withRetry, type RetryOptions } from "./retry";

/** An HTTP request a provider's `setupCall` describes. */
export interface ProviderRequest {
  url: string;
  method?: string;
  headers: Record<string, string>;
  /** JSON-serialisable body (sent as JSON), or undefined for none. */
  body?: unknown;
  /** Values (API keys) that must never appear in an error. */
  secrets?: string[];
}

/** Turns a non-2xx response into the provider's typed error. */
export type ErrorMapper = (response: Response, bodyText: string, secrets: readonly string[]) => PromptcallError;

/** Sends a provider request through `fetch`, retrying retryable failures before any byte is used. */
export async function sendRequest(args: {
  request: ProviderRequest;
  fetch: typeof globalThis.fetch;
  signal: AbortSignal;
  retry: RetryOptions | false | undefined;
  toError: ErrorMapper;
  provider: string;
}): Promise<Response> {
  const { request, signal } = args;
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  return withRetry(
    async () => {
      let response: Response;
      try {
        response = await args.fetch(request.url, {
          method: request.method ?? "POST",
          headers: request.headers,
          body,
          signal,
        });
      } catch (cause) {
        if (signal.aborted) throw signal.reason;
        // A runtime's fetch error may quote the URL or headers: redact before it reaches a message.
        const secrets = request.secrets ?? [];
        throw new NetworkError(
          `Could not reach ${args.provider} at ${safeOrigin(request.url)}: ${redactSecrets(describe(cause), secrets)}. ` +
            "Check the network and the client's baseURL.",
          { cause: secrets.length ? redactSecrets(describe(cause), secrets) : cause },
        );
      }
      if (!response.ok) {
        let text = "";
        try {
          text = await response.text();
        } catch {
          // The body could not be read; the status still tells what happened.
        }
        throw args.toError(response, text, request.secrets ?? []);
      }
      return response;
    },
    { retry: args.retry, signal },
  );
}

function safeOrigin(url: string): string {
  try {
    const u = new URL(url);
    return u.origin + u.pathname;
  } catch {
    return "the configured URL";
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
