// What an error shows anyone who logs it, and the check that no secret is among it: shared by the
// security-* tests.
import { expect } from "vitest";

/** Every string an error shows: message, stack, own properties (deep), the cause chain, toJSON(), String(). */
export function everyString(value: unknown, out: string[] = [], seen = new Set<unknown>()): string[] {
  if (typeof value === "string") out.push(value);
  if (typeof value !== "object" || value === null || seen.has(value)) return out;
  seen.add(value);
  if (value instanceof Error) out.push(value.message, value.stack ?? "", JSON.stringify(value), String(value));
  for (const key of Object.getOwnPropertyNames(value)) everyString((value as Record<string, unknown>)[key], out, seen);
  return out;
}

/** Fails unless `error` is an Error that shows none of `secrets` anywhere (see {@link everyString}). */
export function expectNoSecret(error: unknown, ...secrets: string[]): void {
  expect(error).toBeInstanceOf(Error);
  const shown = everyString(error).join("\n");
  for (const secret of secrets) expect(shown).not.toContain(secret);
}
