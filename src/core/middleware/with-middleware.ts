import type { CallFunction } from "../call-options.ts";
import type { AnyMiddleware } from "./middleware.ts";
import { ADD_MIDDLEWARE } from "./registry.ts";

/** A call function that can be rebuilt with more middleware (every provider's, `llm.call`'s, `llm.fallback`'s). */
interface WithAddMiddleware {
  [ADD_MIDDLEWARE]?: (middleware: readonly AnyMiddleware[]) => unknown;
}

/** The same call with `middleware` around it (they run before the call's own `middleware` option). */
// biome-ignore lint/suspicious/noExplicitAny: any call function, whatever its arguments and result.
export function withMiddleware<F extends CallFunction<any, any>>(call: F, ...middleware: AnyMiddleware[]): F {
  const add = (call as WithAddMiddleware)[ADD_MIDDLEWARE];
  if (!add) {
    throw new TypeError("withMiddleware() takes a call made by a provider's call(), llm.call, llm.override or llm.fallback.");
  }
  return add(middleware) as F;
}
