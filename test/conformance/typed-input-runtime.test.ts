// The run time behind the types of test/types/bad-input.test-d.ts and llm-bad-input.test-d.ts: what
// those types promise is what a call does.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { LLMCallResponse, LLMStream, llm } from "promptcall";
import { createScriptedProvider, ScriptedCallResponse, ScriptedStream } from "promptcall/testing";

const Book = z.object({ title: z.string(), pages: z.number() });

describe("responseModel + outputParser", () => {
  it("a provider's call gives the parser the validated value and returns what the parser returns", async () => {
    const p = createScriptedProvider([{ json: { title: "Dune", pages: 412 } }]);
    const seen: unknown[] = [];
    const pages = await p.call(
      {
        model: "m",
        responseModel: Book,
        outputParser: (book) => {
          seen.push(book);
          return book.pages * 2;
        },
      },
      () => "x",
    )();
    expect(pages).toBe(824);
    expect(seen).toEqual([{ title: "Dune", pages: 412 }]);
  });

  it("llm.call does the same (the parser is not dropped)", async () => {
    const p = createScriptedProvider([{ json: { title: "Dune", pages: 412 } }]);
    const title = await llm.call(
      { provider: p, model: "m", responseModel: Book, outputParser: async (book) => book.title.toUpperCase() },
      () => "x",
    )();
    expect(title).toBe("DUNE");
  });

  it("without responseModel llm.call's parser still receives the common response", async () => {
    const p = createScriptedProvider([{ text: "hello" }]);
    const response = await llm.call({ provider: p, model: "m", outputParser: (r) => r }, () => "x")();
    expect(response).toBeInstanceOf(LLMCallResponse);
    expect(response.content).toBe("hello");
  });
});

describe("stream: boolean", () => {
  it("gives a stream when true and a response when false, as its union type says", async () => {
    const p = createScriptedProvider([{ chunks: ["a", "b"] }, { text: "ab" }]);
    const make = (flag: boolean) => p.call({ model: "m", stream: flag }, () => "x");
    expect(await make(true)()).toBeInstanceOf(ScriptedStream);
    expect(await make(false)()).toBeInstanceOf(ScriptedCallResponse);
    const q = createScriptedProvider([{ chunks: ["a"] }, { text: "a" }]);
    const portable = (flag: boolean) => llm.call({ provider: q, model: "m", stream: flag }, () => "x");
    expect(await portable(true)()).toBeInstanceOf(LLMStream);
    expect(await portable(false)()).toBeInstanceOf(LLMCallResponse);
  });
});

describe("llm.override and llm.fallback take llm calls only", () => {
  it("throw for a provider's own call, which their types refuse", () => {
    const p = createScriptedProvider([]);
    const direct = p.call({ model: "m" }, () => "x");
    // The casts stand for a program that got past the types (plain JavaScript).
    expect(() => llm.override(direct as never, { model: "m2" })).toThrow(TypeError);
    expect(() => llm.fallback(direct as never, [{ model: "m2" }])).toThrow(TypeError);
  });
});
