import type { PromptcallError } from "../errors/promptcall-error.ts";
import { throwIfAborted } from "./abort.ts";
import type { RetryOptions } from "./retry.ts";

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

/** Turns a non-2xx response into the provider's typed error (it may load its code first). */
export type ErrorMapper = (response: Response, bodyText: string, secrets: readonly string[]) => PromptcallError | Promise<PromptcallError>;

/**
 * Sends a provider request through `fetch`, retrying retryable failures before any byte is used.
 * The first attempt runs inline; error and retry code is imported only once something failed.
 */
export async function sendRequest(args: {
  request: ProviderRequest;
  fetch: typeof globalThis.fetch;
  signal: AbortSignal;
  retry: RetryOptions | false | undefined;
  toError: ErrorMapper;
  provider: string;
}): Promise<Response> {
  const { request, signal } = args;
  const secrets = request.secrets ?? [];
  const init = {
    method: request.method ?? "POST",
    headers: request.headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    signal,
  };
  const attempt = async () => {
    let response: Response;
    try {
      response = await args.fetch(request.url, init);
    } catch (cause) {
      if (signal.aborted) throw signal.reason;
      throw (await import("./network-failure.ts")).networkFailure(args.provider, request.url, cause, secrets);
    }
    if (!response.ok) {
      // An unreadable body still leaves the status to tell what happened.
      const text = await response.text().catch(() => "");
      throw await args.toError(response, text, secrets);
    }
    return response;
  };
  throwIfAborted(signal);
  try {
    return await attempt();
  } catch (error) {
    const { retryFailed } = await import("./retry.ts");
    // `return await`: the rejection gets its handler at once (workerd reports it otherwise).
    return await retryFailed(attempt, error, { retry: args.retry, signal });
  }
}
