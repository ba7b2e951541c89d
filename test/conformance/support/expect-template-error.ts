import { expect } from "vitest";
import { TemplateError } from "../../../src/index.ts";

/** Runs `run` and checks it threw a `TemplateError` whose message matches `pattern`. */
export function expectTemplateError(run: () => unknown, pattern: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(TemplateError.isInstance(caught)).toBe(true);
  expect((caught as Error).message).toMatch(pattern);
}
