import { mergeParams, type Params } from "../core/params.ts";
import type { CallResult, CallFunction, CheckedPromptFunction, PromptFunction, ValidOptions } from "../core/call-options.ts";
import type { Prompt } from "../core/normalize-prompt.ts";
import type { SchemaLike } from "../core/structured/schema.ts";
import { FallbackError } from "../errors/fallback-error.ts";
import { TimeoutError } from "../errors/timeout-error.ts";
import { isRetryableError } from "../http/retry.ts";
import { LLMCallResponse } from "./llm-call-response.ts";
import { LLMStream } from "./llm-stream.ts";
import type { LLMKnownOptions } from "./llm-known-options.ts";
import { loadProvider, providerName, resolveTarget } from "./load-provider.ts";
import type { LLMCallOptions, ProviderLike, ProviderName } from "./provider-like.ts";
import type { BaseStream } from "../core/stream.ts";
import { REBUILD } from "../core/middleware/registry.ts";

// Types only: what tells `llm.call` functions (which `llm.override`/`llm.fallback` take) from a provider's.
declare const LLM_CALL: unique symbol;

/** The function `llm.call` (and `llm.override`, `llm.fallback`) returns. */
export type LLMCallFunction<Args extends unknown[], Result> = CallFunction<Args, Result> & {
  readonly options: LLMCallOptions;
  /** Marks a function made by `llm`: only those can be overridden (a provider's own call has no `provider` option to swap). */
  readonly [LLM_CALL]: true;
};

type Call<O, Args extends unknown[]> = LLMCallFunction<Args, CallResult<O, LLMCallResponse, LLMStream>>;

/** A provider-agnostic call: `llm.call({ provider, model, ... }, fn)`. */
// `M` is inferred from `responseModel` alone, so that `outputParser` is typed with the validated value.
export function call<
  const O extends LLMCallOptions<M>,
  Args extends unknown[],
  P extends Prompt,
  M extends SchemaLike | undefined = undefined,
>(options: O & { responseModel?: M } & ValidOptions<O> & LLMKnownOptions<O>, fn: CheckedPromptFunction<Args, P>): Call<O, Args> {
  const run = async (...args: Args) => await runLLM(options, fn as (...a: unknown[]) => unknown, args);
  const target = resolveTarget(options.provider, options.model);
  // `withMiddleware` rebuilds the call; middleware go with the options to each provider call.
  const rebuild = (o: LLMCallOptions) => call(o as never, fn);
  const fields = { options, provider: providerName(target.provider), fn, [REBUILD]: rebuild };
  return Object.assign(run, fields) as unknown as Call<O, Args>;
}

async function runLLM(options: LLMCallOptions, fn: (...args: unknown[]) => unknown, args: unknown[]): Promise<unknown> {
  const { provider, model } = resolveTarget(options.provider, options.model);
  const impl = await loadProvider(provider);
  let captured: unknown;
  const capture = async (...a: unknown[]) => (captured = await fn(...a));
  const { provider: _p, outputParser, ...rest } = options;
  // With a `responseModel` the provider's call applies `outputParser` to the validated value.
  const providerOptions = { ...rest, model, outputParser: options.responseModel ? outputParser : undefined };
  const result = await impl.call(providerOptions, capture)(...args);
  const rerun = (history: unknown[]): Promise<LLMCallResponse> => {
    const config = typeof captured === "object" && captured !== null && !Array.isArray(captured) ? captured : {};
    const again = { ...providerOptions, stream: false, responseModel: undefined, outputParser: undefined };
    return impl
      .call(again, () => ({ ...config, messages: history }))()
      .then((r) => new LLMCallResponse(r as never, rerun));
  };
  if (options.responseModel) return result;
  const wrapped = options.stream ? new LLMStream(result as BaseStream, rerun) : new LLMCallResponse(result as never, rerun);
  return outputParser ? (outputParser as (r: unknown) => unknown)(wrapped) : wrapped;
}

/** Settings `llm.override` and `llm.fallback` may change. */
export interface CallTarget {
  provider?: ProviderName | (string & {}) | ProviderLike;
  model: string;
  /** Provider-native params: replace the call's (which are dropped when the provider changes). */
  callParams?: Record<string, unknown>;
  /** Neutral params, merged over the call's (which always carry over). */
  params?: Params;
  client?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The same call (same prompt function and options) on another provider, model, params or client. */
export function override<F extends LLMCallFunction<any, any>>(callFn: F, target: CallTarget): F {
  const base = callFn.options as LLMCallOptions;
  const from = resolveTarget(base.provider, base.model);
  // A bare model stays with the call's provider, named or from its "provider/model".
  const provider = target.provider ?? (target.model.includes("/") ? undefined : from.provider);
  const to = resolveTarget(provider, target.model);
  const same = family(to.provider, to.model) === family(from.provider, from.model);
  // A client's key, base URL and headers belong to one provider: never send them to another.
  // Only a custom `fetch` carries over. `callParams` are provider-native (OpenAI's
  // `max_completion_tokens` is an error at Anthropic): they stay behind too. Neutral `params` move.
  const fetch = (base.client as { fetch?: unknown } | undefined)?.fetch;
  const client = target.client ?? (same ? base.client : fetch ? { fetch } : undefined);
  const callParams = target.callParams ?? (same ? base.callParams : undefined);
  const params = target.params ? mergeParams(base.params, target.params) : base.params;
  const options = { ...base, ...target, provider, callParams, params, client };
  // The options were checked when `callFn` was made; `target`'s are the provider's business.
  return call(options as never, callFn.fn as PromptFunction<unknown[], unknown>) as unknown as F;
}

/** Which API a provider and model reach: Vertex serves Gemini and Claude, whose params differ. */
function family(provider: string | ProviderLike, model: string): string | ProviderLike {
  return provider === "vertex" && /^claude-/i.test(model) ? "vertex-anthropic" : provider;
}

/** Tries `callFn`, then each alternative in turn, moving on only for retryable errors and timeouts. */
export function fallback<F extends LLMCallFunction<any, any>>(callFn: F, alternatives: readonly CallTarget[]): F {
  const calls = [callFn, ...alternatives.map((t) => override(callFn, t))];
  const run = async (...args: unknown[]) => {
    const attempts: { provider: string; model: string; error: unknown }[] = [];
    for (const c of calls) {
      try {
        return await c(...args);
      } catch (error) {
        const resolved = resolveTarget((c.options as LLMCallOptions).provider, String(c.options.model));
        attempts.push({ provider: c.provider, model: resolved.model, error });
        // A timeout (even the call's total one, which is not retried) is worth another provider.
        if (!isRetryableError(error) && !TimeoutError.isInstance(error)) throw attempts.length === 1 ? error : new FallbackError(attempts);
      }
    }
    throw new FallbackError(attempts);
  };
  // Rebuilt with other options (more middleware), every attempt gets them: each is a call of its own provider.
  const rebuild = (o: LLMCallOptions) => fallback((callFn as unknown as { [REBUILD]: (o: LLMCallOptions) => F })[REBUILD](o), alternatives);
  return Object.assign(run, {
    options: callFn.options,
    provider: callFn.provider,
    fn: callFn.fn,
    [REBUILD]: rebuild,
  }) as unknown as F;
}
