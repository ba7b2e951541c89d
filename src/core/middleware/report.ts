/** Where a failing middleware is reported: `console.error`, once per middleware and call. */
export function reportMiddlewareError(name: string, hook: string, error: unknown): void {
  console.error(`promptcall: middleware "${name}" threw in ${hook}; it is skipped for the rest of this call (the call goes on).`, error);
}
