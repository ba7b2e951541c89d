import { describe, expect, it } from "vitest";

describe("node runner", () => {
  it("runs in Node", () => {
    const g = globalThis as { process?: { versions?: { node?: string } }; Deno?: unknown };
    expect(typeof g.process?.versions?.node).toBe("string");
    expect(g.Deno).toBeUndefined();
    expect(typeof (globalThis as { window?: unknown }).window).toBe("undefined");
  });
});
