import type { AnyMiddleware } from "./middleware.ts";

/** Middleware installed for every call of the program by `useMiddleware`, in installation order. */
const globalMiddleware: AnyMiddleware[] = [];

/** Where a call function keeps how to make the same call with other options (see `withMiddleware`). */
export const REBUILD: unique symbol = Symbol.for("promptcall.rebuild");

/** Installs middleware for every call in the program; returns a function that removes them. */
export function useMiddleware(...middleware: AnyMiddleware[]): () => void {
  globalMiddleware.push(...middleware);
  return () => {
    for (const m of middleware) {
      const index = globalMiddleware.lastIndexOf(m);
      if (index >= 0) globalMiddleware.splice(index, 1);
    }
  };
}

/** A call's middleware in order: the global ones first, then the call's own (`withMiddleware`'s before `middleware`'s). */
export function callMiddleware(own: readonly AnyMiddleware[] | undefined): readonly AnyMiddleware[] {
  if (globalMiddleware.length === 0) return own ?? [];
  return own ? [...globalMiddleware, ...own] : [...globalMiddleware];
}
