import { throwIfAborted } from "../http/abort.ts";
import type { ProviderCall, ProviderCallOptions } from "./call-options.ts";
import { addBuiltInPrices } from "./cost/find-prices.ts";
import { createCallContext } from "./create-call-context.ts";
import { REBUILD } from "./middleware/registry.ts";
import { normalizePrompt } from "./normalize-prompt.ts";
import type { ProviderDefinition } from "./provider-definition.ts";
import type { ProviderTypes } from "./provider-types.ts";
import { runCall } from "./run-call.ts";
import type { TypesOf } from "./types-of.ts";

/**
 * Builds a provider's `call(options, fn)` from its classes and hooks (Mirascope's `call_factory`).
 * Name the provider's types with a `ProviderTypes` bag (`callFactory<ParrotTypes>({ … })`), or let
 * them be read from the definition's classes and `setupCall`.
 */
// A definition typed with a bag gives that bag (a definition that is not one infers `never` and
// goes on to the next overload); any other definition gives the types read from it.
export function callFactory<T extends ProviderTypes = never>(provider: ProviderDefinition<T>): ProviderCall<T>;
export function callFactory<const P extends ProviderDefinition<TypesOf<P>>>(provider: P): ProviderCall<TypesOf<P>>;
export function callFactory<T extends ProviderTypes>(provider: ProviderDefinition<T>): ProviderCall<T> {
  if (provider.prices) addBuiltInPrices(provider.name, provider.prices);
  const call = (options: ProviderCallOptions<T>, fn: (...args: unknown[]) => unknown) => {
    const run = async (...args: unknown[]) => {
      throwIfAborted(options.signal);
      const { messages, config } = normalizePrompt(await fn(...args));
      // `return await`: a rejection gets its handler at once (workerd reports it otherwise).
      return await runCall(await createCallContext(provider, options, config), messages);
    };
    // `withMiddleware` makes the same call with other options.
    const rebuild = (o: ProviderCallOptions<T>) => call(o, fn);
    return Object.assign(run, { options, provider: provider.name, fn, [REBUILD]: rebuild });
  };
  // `ProviderCall`'s overloads give each combination of options its result type; `runCall` returns
  // the value of that type at run time, which the compiler cannot follow through `options`.
  return call as unknown as ProviderCall<T>;
}
