import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, FallbackError, llm, LLMCallResponse, LLMStream } from "promptcall";
import { createScriptedProvider } from "promptcall/testing";

const add = defineTool({
  name: "add",
  description: "Adds two numbers",
  parameters: z.object({ a: z.number(), b: z.number() }),
  call: ({ a, b }) => a + b,
});

describe("llm.call with a provider object", () => {
  it("returns a common response with normalised finish reasons and neutral messages", async () => {
    const p = createScriptedProvider([{ toolCalls: [{ name: "add", args: { a: 2, b: 3 } }] }, { text: "5" }]);
    const ask = llm.call({ provider: p, model: "scripted-1", tools: [add] }, (q: string) => q);
    const r = await ask("2+3?");
    expect(r).toBeInstanceOf(LLMCallResponse);
    expect(r.finishReasons).toEqual(["tool_calls"]);
    expect(r.messageParam).toEqual({
      role: "assistant",
      content: [{ type: "tool_call", id: r.tools[0].id, name: "add", args: { a: 2, b: 3 } }],
    });
    const next = await r.resume(await r.executeTools());
    expect(next.content).toBe("5");
    expect(p.fetch.requests[1].messages.at(-1)).toEqual({
      role: "tool",
      content: [{ type: "tool_result", toolCallId: r.tools[0].id, name: "add", content: "5" }],
    });
  });

  it("streams through a common stream", async () => {
    const p = createScriptedProvider([{ chunks: ["a", "b"] }]);
    const s = await llm.call({ provider: p, model: "m", stream: true }, () => "x")();
    expect(s).toBeInstanceOf(LLMStream);
    let text = "";
    for await (const [chunk] of s) text += chunk.content;
    expect(text).toBe("ab");
    expect(s.finishReasons).toEqual(["stop"]);
    expect(s.messageParam).toEqual({ role: "assistant", content: "ab" });
  });

  it("passes responseModel through and applies outputParser to the common response", async () => {
    const p = createScriptedProvider([{ json: { n: 1 } }, { text: "hello" }]);
    const v = await llm.call({ provider: p, model: "m", responseModel: z.object({ n: z.number() }) }, () => "x")();
    expect(v).toEqual({ n: 1 });
    const len = await llm.call({ provider: p, model: "m", outputParser: (r) => (r as LLMCallResponse).content.length }, () => "x")();
    expect(len).toBe(5);
  });

  it("needs a provider or a provider/model shorthand", () => {
    expect(() => llm.call({ model: "gpt-4o-mini" }, () => "x")).toThrow(/provider/);
  });
});

describe("llm.override and llm.fallback", () => {
  it("override swaps the provider and model, keeping the prompt function", async () => {
    const a = createScriptedProvider([{ text: "from a" }]);
    const b = createScriptedProvider([{ text: "from b" }]);
    const base = llm.call({ provider: a, model: "m-a" }, (x: string) => `say ${x}`);
    const swapped = llm.override(base, { provider: b, model: "m-b", callParams: { temperature: 0 } });
    const r = await swapped("hi");
    expect(r.content).toBe("from b");
    expect(b.fetch.requests[0]).toMatchObject({ model: "m-b", callParams: { temperature: 0 } });
    expect(a.fetch.requests).toHaveLength(0);
  });

  it("fallback moves on for retryable errors and lists every attempt when all fail", async () => {
    const down = createScriptedProvider([{ status: 503 }]);
    const up = createScriptedProvider([{ text: "backup" }]);
    const base = llm.call({ provider: down, model: "m1", retry: false }, () => "x");
    const sturdy = llm.fallback(base, [{ provider: up, model: "m2" }]);
    expect((await sturdy()).content).toBe("backup");
    const d1 = createScriptedProvider([{ status: 529 }]);
    const d2 = createScriptedProvider([{ status: 500 }]);
    const both = llm.fallback(
      llm.call({ provider: d1, model: "x1", retry: false }, () => "x"),
      [{ provider: d2, model: "x2", retry: false }],
    );
    const err = await both().catch((e) => e);
    expect(FallbackError.isInstance(err)).toBe(true);
    expect(err.attempts.map((a: { model: string }) => a.model)).toEqual(["x1", "x2"]);
    expect(err.message).toContain("x2");
  });

  it("fallback does not hide a non-retryable error", async () => {
    const bad = createScriptedProvider([{ status: 400, error: "bad request" }]);
    const up = createScriptedProvider([{ text: "never" }]);
    const f = llm.fallback(
      llm.call({ provider: bad, model: "m" }, () => "x"),
      [{ provider: up, model: "m2" }],
    );
    await expect(f()).rejects.toMatchObject({ status: 400 });
    expect(up.fetch.requests).toHaveLength(0);
  });
});

describe("llm.override keeps keys with their provider", () => {
  it("drops the client's key when the provider changes, keeps it when it does not", async () => {
    const a = createScriptedProvider([{ text: "a" }]);
    const b = createScriptedProvider([{ text: "b" }, { text: "c" }]);
    const seen: unknown[] = [];
    const spy = (name: string, p: typeof a) => ({
      name,
      call: (o: any, fn: any) => {
        seen.push(o.client);
        return p.call(o, fn);
      },
    });
    const pa = spy("a", a);
    const pb = spy("b", b);
    const base = llm.call({ provider: pa, model: "m", client: { apiKey: "key-for-a", headers: { x: "1" } } }, () => "x");
    await llm.override(base, { provider: pb, model: "m2" })();
    await llm.override(base, { provider: pa, model: "m3" })();
    expect(seen[0]).toBeUndefined();
    expect(seen[1]).toEqual({ apiKey: "key-for-a", headers: { x: "1" } });
  });
});
