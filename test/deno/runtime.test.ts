import { describe, expect, it } from "vitest";
import { __beginFile } from "./vitest-shim.ts";

declare const Deno: { version: { deno: string } };

__beginFile("deno/runtime.test.ts");

describe("deno runner", () => {
  it("runs in Deno", () => {
    expect(typeof Deno.version.deno).toBe("string");
    expect(typeof (globalThis as { window?: unknown }).window).toBe("undefined");
  });
});
