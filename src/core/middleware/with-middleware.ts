import type { CallFunction } from "../call-options.ts";
import type { AnyMiddleware } from "./middleware.ts";
import { REBUILD } from "./registry.ts";

/** A call function that can be rebuilt with other options (every provider's, `llm.call`'s, `llm.fallback`'s). */
interface Rebuildable {
  readonly options: { middleware?: readonly AnyMiddleware[] };
  [REBUILD]?: (options: object) => unknown;
}

/** The same call with `middleware` around it (they run before the call's own `middleware` option). */
// biome-ignore lint/suspicious/noExplicitAny: any call function, whatever its arguments and result.
export function withMiddleware<F extends CallFunction<any, any>>(call: F, ...middleware: AnyMiddleware[]): F {
  const { options, [REBUILD]: rebuild } = call as unknown as Rebuildable;
  if (!rebuild) {
    throw new TypeError("withMiddleware() takes a call made by a provider's call(), llm.call, llm.override or llm.fallback.");
  }
  return rebuild({ ...options, middleware: [...middleware, ...(options.middleware ?? [])] }) as F;
}
