import { describe, expect, it } from "vitest";

describe("worker runner", () => {
  it("runs inside workerd", () => {
    expect(navigator.userAgent).toBe("Cloudflare-Workers");
    expect(typeof (globalThis as { window?: unknown }).window).toBe("undefined");
  });
});
