import { headerSecrets, rememberSecrets } from "../errors/known-secrets.ts";
import type { PromptcallError } from "../errors/promptcall-error.ts";
import { anySignal, follow, throwIfAborted } from "./abort.ts";
import { type BodyGuard, type GuardedBody, guardBody, IN_WORKERD } from "./guard-body.ts";
import type { RetryInfo, RetryOptions } from "./retry.ts";
import { failures } from "./seams.ts";
import { resolveTimeouts, timeoutSignal, type TimeoutOption } from "./timeouts.ts";

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

/** The most bytes read of a body that is not an event stream (a JSON answer): 32 MiB. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** What {@link sendRequest} takes. */
export interface SendRequestArgs {
  request: ProviderRequest;
  fetch: typeof globalThis.fetch;
  signal: AbortSignal;
  retry: RetryOptions | false | undefined;
  toError: ErrorMapper;
  provider: string;
  timeout?: TimeoutOption;
  /** Called before each retry (middleware's `onRetry`). */
  onRetry?: (info: RetryInfo) => void;
}

/** One call's state, shared by its attempts. */
interface CallState {
  args: SendRequestArgs;
  secrets: string[];
  attemptMs: number;
  /** The total deadline's timer: cleared when the call fails or its body ends. */
  clear(): void;
  /** The caller's signal and the total deadline. */
  signal: AbortSignal;
  /** The fetch's method, headers and body (the same for every attempt). */
  init: RequestInit;
  /** What every body of the call is guarded with, besides its size cap. */
  guard: Omit<BodyGuard, "maxBytes">;
}

/**
 * Sends a provider request through `fetch`, retrying retryable failures before any byte is used,
 * within the call's `timeout` limits. The response's body is guarded (idle limit, total deadline,
 * size cap for non-event-stream bodies). The first attempt runs inline; error and retry code is
 * imported only once something failed.
 */
export async function sendRequest(args: SendRequestArgs): Promise<Response> {
  const { request, provider } = args;
  // Credential headers (a gateway's key in `client.headers` too) are secrets like the API key, and
  // every error built from now on redacts them, whichever code path builds it.
  const secrets = [...(request.secrets ?? []), ...headerSecrets(request.headers)];
  rememberSecrets(secrets);
  throwIfAborted(args.signal);
  const { attemptMs, idleMs, totalMs } = await resolveTimeouts(args.timeout);
  const { clear, signal: deadline } = timeoutSignal(totalMs, "total", provider);
  const signal = anySignal([args.signal, deadline]) as AbortSignal;
  const { method = "POST", headers, body } = request;
  const state: CallState = {
    args,
    secrets,
    attemptMs,
    clear,
    signal,
    init: { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
    guard: { idleMs, signal, provider, secrets },
  };
  const attempt = () => attemptOnce(state);
  try {
    try {
      return await attempt();
    } catch (error) {
      const { retryFailed } = await failures();
      // `return await`: the rejection gets its handler at once (workerd reports it otherwise).
      return await retryFailed(attempt, error, { retry: args.retry, signal, onRetry: args.onRetry });
    }
  } catch (error) {
    clear();
    throw error;
  }
}

/** One attempt: the fetch within the attempt limit, a non-2xx answer as the provider's error, a 2xx one with its body guarded. */
async function attemptOnce(state: CallState): Promise<Response> {
  const { args, secrets } = state;
  const { request, provider } = args;
  // In workerd the signals abort the fetch only up to the headers, and the guard applies them to
  // the body (workerd reports a body aborted mid-read as an unhandled rejection).
  const timer = timeoutSignal(state.attemptMs, "attempt", provider);
  const untilHeaders = new AbortController();
  const { signal } = untilHeaders;
  const detach = follow(untilHeaders, [state.signal, timer.signal]);
  let response: Response;
  try {
    // Raced with the signal: a fetch that ignores it (a custom `client.fetch`) cannot hang the call.
    response = await Promise.race([
      args.fetch(request.url, { ...state.init, signal }),
      new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(signal.reason))),
    ]);
  } catch (cause) {
    if (signal.aborted) throw signal.reason;
    throw (await failures()).networkFailure(provider, request.url, cause, secrets);
  } finally {
    timer.clear();
    if (IN_WORKERD) detach();
  }
  if (!response.ok) {
    throw await (await failures()).responseFailure(
      response,
      guard(state, response, Number.POSITIVE_INFINITY)?.stream,
      args.toError,
      secrets,
    );
  }
  const streamed = /event-?stream/i.test(response.headers.get("content-type") ?? "");
  const { status, statusText, headers } = response;
  const body = guard(state, response, streamed ? Number.POSITIVE_INFINITY : MAX_BODY_BYTES, state.clear, (reason) =>
    untilHeaders.abort(reason),
  );
  return withBodyErrors(new Response(body?.stream ?? null, { status, statusText, headers }), body);
}

function guard(state: CallState, response: Response, maxBytes: number, onEnd?: () => void, abort?: (reason?: unknown) => void) {
  if (!response.body) {
    onEnd?.();
    return null;
  }
  return guardBody(response.body, { ...state.guard, maxBytes, onEnd, abort });
}

/**
 * Gives `response` a `text()` (and `json()`) that reads its guarded body with a reader, so that it
 * rejects with the error the body failed with: Chromium's own reject a failed JS-backed body with a bare
 * "Failed to fetch", losing the TimeoutError or ParseError, and workerd's report it a second time as
 * an unhandled rejection. Not read-text.ts's `readText` (capped, for error bodies): it loads with the
 * failures seam, and sharing it with this eager path would cost every program ~70 B gzip.
 */
function withBodyErrors(response: Response, body: GuardedBody | null): Response {
  const text = async () => {
    if (!body) return "";
    const reader = body.stream.getReader();
    const decoder = new TextDecoder();
    let out = "";
    for (let r = await reader.read(); !r.done; r = await reader.read()) out += decoder.decode(r.value, { stream: true });
    return out + decoder.decode();
  };
  return Object.assign(response, { text, json: async () => JSON.parse(await text()) });
}
