import { anySignal } from "../http/abort.ts";
import { type ErrorMapper, sendRequest } from "../http/send-request.ts";
import { failures } from "../http/seams.ts";
import type { CallContext } from "./call-context.ts";
import type { OutputContext, SetupCallResult } from "./provider-definition.ts";
import type { ProviderTypes } from "./provider-types.ts";

/** One request of a call, sent and answered with a 2xx status: what a response or a stream is built from. */
export interface SentRequest {
  /** The HTTP response (its body not read yet). */
  http: Response;
  /** What the provider's `setupCall` returned. */
  setup: SetupCallResult;
  /** What `getJsonOutput` and `handleStream` receive. */
  output: OutputContext;
  /** Cancels this request (a stream's `abort`). */
  controller: AbortController;
  /** Epoch milliseconds when the request was built. */
  startTime: number;
}

/** Builds a request with the provider's `setupCall` and sends it (with retries and timeouts). */
export async function sendCallRequest<T extends ProviderTypes>(
  ctx: CallContext<T>,
  messages: unknown[],
  stream: boolean,
): Promise<SentRequest> {
  const { provider, options, structured, hooks } = ctx;
  const controller = new AbortController();
  const signal = anySignal([ctx.signal, controller.signal]) ?? controller.signal;
  const startTime = Date.now();
  const setup = await provider.setupCall({
    model: options.model,
    messages,
    callParams: ctx.callParams,
    params: ctx.params,
    tools: ctx.tools,
    toolClass: provider.toolClass,
    stream,
    jsonMode: options.jsonMode === true,
    structured,
    client: ctx.client,
    options,
    signal,
  });
  const http = await sendRequest({
    request: setup.request,
    fetch: ctx.client.fetch ?? globalThis.fetch.bind(globalThis),
    signal,
    retry: options.retry,
    toError: provider.toError ?? defaultToError(provider.name),
    provider: provider.name,
    // Timeouts: the option goes to `sendRequest` as it is (http/timeouts.ts reads it).
    timeout: options.timeout,
    // Middleware's `onRetry`: called before each retry, with the retry's number, delay and error.
    onRetry: hooks.onRetry && ((info) => hooks.onRetry?.(info, ctx)),
  });
  const output: OutputContext = {
    model: options.model,
    structured,
    structuredMode: setup.structured?.mode,
    strict: setup.structured?.strict,
    options,
    signal,
  };
  return { http, setup, output, controller, startTime };
}

/** A generic `APIError` for a provider without its own `toError` (the mapping loads with the first failure). */
function defaultToError(provider: string): ErrorMapper {
  return async (response, bodyText, secrets) => (await failures()).apiErrorFromResponse({ provider, response, bodyText, secrets });
}
