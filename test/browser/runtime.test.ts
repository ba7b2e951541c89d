import { describe, expect, it } from "vitest";

describe("browser runner", () => {
  it("runs in a browser page (Chromium)", () => {
    expect(typeof window).toBe("object");
    expect(typeof document).toBe("object");
    expect(window.document).toBe(document);
    expect(navigator.userAgent).toMatch(/Chrome\//);
  });
});
