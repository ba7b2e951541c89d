/**
 * Brands let `isInstance` work across bundle copies, where `instanceof` fails: every error carries,
 * under a registry symbol shared by all copies, the names of the classes in its chain.
 * The value is an array of class names, e.g. `["PromptcallError", "APIError", "RateLimitError"]`.
 */
export const ERROR_BRAND: unique symbol = Symbol.for("promptcall.error") as never;

/** Adds `className` to `error`'s brand list (called by each constructor in the chain). */
export function addBrand(error: object, className: string): void {
  const previous = (error as { [ERROR_BRAND]?: readonly string[] })[ERROR_BRAND] ?? [];
  Object.defineProperty(error, ERROR_BRAND, {
    value: Object.freeze([...previous, className]),
    enumerable: false,
    configurable: true,
    writable: false,
  });
}

/** True when `value` carries the brand of `className` (from this copy of promptcall or another). */
export function hasBrand(value: unknown, className: string): boolean {
  if (typeof value !== "object" || value === null) return false;
  const brands = (value as { [ERROR_BRAND]?: unknown })[ERROR_BRAND];
  return Array.isArray(brands) && brands.includes(className);
}
