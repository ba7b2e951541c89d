// The Deno vitest shim must behave like vitest: these checks run only under Deno.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { __beginFile } from "./vitest-shim.ts";

__beginFile("deno/shim.test.ts");

class CustomError extends Error {
  override name = "CustomError";
}

const log: string[] = [];

describe("vitest shim: expect", () => {
  it("reports failed matchers by throwing", () => {
    expect(() => expect(1).toBe(2)).toThrow(/expected 1 to be 2/);
    expect(() => expect({ a: 1 }).toEqual({ a: 2 })).toThrow();
    expect(() => expect({ a: 1, b: 2 }).toMatchObject({ a: 1 })).not.toThrow();
  });

  it("supports .rejects and .resolves with error classes and messages", async () => {
    await expect(Promise.reject(new CustomError("boom"))).rejects.toThrow(CustomError);
    await expect(Promise.reject(new CustomError("boom"))).rejects.toThrow("boom");
    await expect(Promise.reject(new CustomError("boom"))).rejects.toBeInstanceOf(CustomError);
    await expect(Promise.resolve({ a: 1, b: [1, 2] })).resolves.toEqual({ a: 1, b: [1, 2] });
    await expect(expect(Promise.resolve(1)).rejects.toThrow()).rejects.toThrow();
    await expect(expect(Promise.reject(new Error("x"))).rejects.toThrow(CustomError)).rejects.toThrow();
  });

  it("has asymmetric matchers and expect.assertions", () => {
    expect.assertions(2);
    expect({ id: "abc", n: 3 }).toEqual({ id: expect.any(String), n: expect.any(Number) });
    expect(["a", "b"]).toEqual(expect.arrayContaining(["b"]));
  });

  it("compares typed arrays and errors like vitest", () => {
    expect(new Uint8Array([1, 2])).toEqual(new Uint8Array([1, 2]));
    expect(() => expect(new Uint8Array([1, 2])).toEqual(new Uint8Array([1, 3]))).toThrow();
    expect(new CustomError("m")).toBeInstanceOf(Error);
  });
});

describe("vitest shim: hooks", () => {
  beforeAll(() => {
    log.push("beforeAll");
    return () => log.push("beforeAll-teardown");
  });
  beforeEach(() => {
    log.push("beforeEach");
  });
  afterEach(() => {
    log.push("afterEach");
  });
  afterAll(() => {
    log.push("afterAll");
  });
  it("first", () => {
    log.push("first");
  });
  describe("nested", () => {
    it("second", () => {
      log.push("second");
    });
  });
});

describe("vitest shim: hook order", () => {
  it("ran hooks in vitest order", () => {
    expect(log).toEqual([
      "beforeAll",
      "beforeEach",
      "first",
      "afterEach",
      "beforeEach",
      "second",
      "afterEach",
      "afterAll",
      "beforeAll-teardown",
    ]);
  });
});
