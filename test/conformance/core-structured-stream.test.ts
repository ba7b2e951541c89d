import { describe, expect, it } from "vitest";
import { z } from "zod";
import { responseOf } from "promptcall";
import { StructuredStream } from "promptcall/provider";
import { createScriptedProvider } from "promptcall/testing";

const Book = z.object({ title: z.string(), author: z.string(), year: z.number().optional() });

function split(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

describe("stream + responseModel", () => {
  it("yields growing partial objects and a validated final value", async () => {
    const json = JSON.stringify({ title: 'Dune \u00e9\ud83d\ude00 "q"', author: "Frank Herbert", year: 1965 });
    const p = createScriptedProvider([{ chunks: split(json, 3) }]);
    const s = await p.call({ model: "m", stream: true, responseModel: Book }, () => "x")();
    expect(s).toBeInstanceOf(StructuredStream);
    const titles: string[] = [];
    for await (const partial of s) if (partial.title !== undefined) titles.push(partial.title);
    for (let i = 1; i < titles.length; i++) expect(titles[i].startsWith(titles[i - 1])).toBe(true);
    expect(titles.at(-1)).toBe('Dune \u00e9\ud83d\ude00 "q"');
    const book = await s.final();
    expect(book).toEqual({ title: 'Dune \u00e9\ud83d\ude00 "q"', author: "Frank Herbert", year: 1965 });
    expect(responseOf(book)?.content).toBe(json);
    expect(s.stream.usage?.outputTokens).toBeGreaterThan(0);
  });

  it("handles \\u escapes and surrogate pairs split across chunks", async () => {
    const raw = '{"title":"a\\u00e9\\ud83d\\ude00b","author":"x\\ny"}';
    for (const size of [1, 2, 5, 7]) {
      const p = createScriptedProvider([{ chunks: split(raw, size) }]);
      const s = await p.call({ model: "m", stream: true, responseModel: Book }, () => "x")();
      expect(await s.final()).toEqual({ title: "a\u00e9\ud83d\ude00b", author: "x\ny" });
    }
  });

  it("final() without iterating reads the stream; an invalid final value raises ValidationError", async () => {
    const p = createScriptedProvider([{ chunks: ['{"title":', '"t"}'] }]);
    const s = await p.call({ model: "m", stream: true, responseModel: Book }, () => "x")();
    const err = await s.final().catch((e) => e);
    expect(err.name).toBe("ValidationError");
    expect(err.raw).toBe('{"title":"t"}');
  });

  it("unwraps primitive schemas while streaming", async () => {
    const p = createScriptedProvider([{ chunks: ['{"value":["a",', '"b"]}'] }]);
    const s = await p.call({ model: "m", stream: true, responseModel: z.array(z.string()) }, () => "x")();
    const seen: unknown[] = [];
    for await (const partial of s) seen.push(structuredClone(partial));
    expect(seen.at(-1)).toEqual(["a", "b"]);
    expect(await s.final()).toEqual(["a", "b"]);
  });
});
