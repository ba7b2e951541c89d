import { redactDeep, redactError, redactSecrets } from "./redact-secrets.ts";
import { knownSecrets } from "./known-secrets.ts";

/**
 * Redacts every remembered secret (see `rememberSecrets`) from an error in place: its message and
 * stack, its own string properties, plain JSON-like ones (`body`, `raw`, `requestId` …) and its
 * cause (a copy when the cause shows one). The error constructors call it, so whichever code path
 * built an error, no key reaches its message, properties, `cause`, `toJSON()` or `util.inspect`.
 */
export function scrubError(error: Error): void {
  // Even with no secret remembered, a URL's credentials are redacted (see `redactSecrets`).
  const secrets = knownSecrets();
  const self = error as unknown as Record<string, unknown>;
  for (const key of Object.keys(self)) {
    const value = self[key];
    if (key === "cause") continue;
    if (typeof value === "string") self[key] = redactSecrets(value, secrets);
    else if (isPlain(value)) self[key] = redactDeep(value, secrets);
  }
  error.message = redactSecrets(error.message, secrets);
  if (error.stack) error.stack = redactSecrets(error.stack, secrets);
  const cause = Object.getOwnPropertyDescriptor(error, "cause");
  if (cause?.writable) Object.defineProperty(error, "cause", { ...cause, value: redactError(cause.value, secrets) });
}

function isPlain(value: unknown): boolean {
  if (Array.isArray(value)) return true;
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
