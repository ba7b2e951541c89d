import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, isCallResponse, responseOf, type BaseMessageParam } from "../../src/index.ts";
import { createScriptedProvider } from "../../src/testing/index.ts";

const getWeather = defineTool({
  name: "get_weather",
  description: "Current weather for a city",
  parameters: z.object({ city: z.string() }),
  call: ({ city }) => ({ city, tempC: 21 }),
});

describe("call: the options table", () => {
  it("plain call returns a response with content, finish reasons, usage and messageParam", async () => {
    const p = createScriptedProvider([{ text: "Read The Hobbit.", usage: { inputTokens: 10, outputTokens: 4 } }]);
    const recommend = p.call({ model: "scripted-1" }, (genre: string) => `Recommend a ${genre} book`);
    const r = await recommend("fantasy");
    expect(r.content).toBe("Read The Hobbit.");
    expect(r.finishReasons).toEqual(["stop"]);
    expect(r.commonFinishReasons).toEqual(["stop"]);
    expect(r.usage).toEqual({ inputTokens: 10, outputTokens: 4, cachedTokens: 0, totalTokens: 14 });
    expect(r.messageParam).toEqual({ role: "assistant", content: "Read The Hobbit." });
    expect(r.model).toBe("scripted-1");
    expect(r.id).toBe("scripted-1");
    expect(r.raw.text).toBe("Read The Hobbit.");
    expect(r.endTime).toBeGreaterThanOrEqual(r.startTime);
    expect(p.fetch.requests[0].messages).toEqual([{ role: "user", content: "Recommend a fantasy book" }]);
  });

  it("fn may be async and return messages or a dynamic config", async () => {
    const p = createScriptedProvider([{ text: "a" }, { text: "b" }]);
    const asMessages = p.call(
      { model: "m" },
      async (q: string): Promise<BaseMessageParam[]> => [
        { role: "system", content: "Be brief." },
        { role: "user", content: q },
      ],
    );
    await asMessages("hi");
    expect(p.fetch.requests[0].messages).toHaveLength(2);
    const dynamic = p.call({ model: "m", callParams: { temperature: 0.5, top: 1 } }, () => ({
      messages: "hello",
      callParams: { temperature: 0.1 },
      metadata: { tag: "x" },
    }));
    const r = await dynamic();
    expect(p.fetch.requests[1].callParams).toEqual({ temperature: 0.1, top: 1 });
    expect(r.metadata).toEqual({ tag: "x" });
  });

  it("stream: true returns a stream whose totals are complete after iteration", async () => {
    const p = createScriptedProvider([{ chunks: ["Hel", "lo", "!"], usage: { inputTokens: 3, outputTokens: 2 } }]);
    const s = await p.call({ model: "m", stream: true }, () => "hi")();
    const deltas: string[] = [];
    for await (const [chunk, tool] of s) {
      deltas.push(chunk.content);
      expect(tool).toBeUndefined();
    }
    expect(deltas.filter(Boolean)).toEqual(["Hel", "lo", "!"]);
    expect(s.content).toBe("Hello!");
    expect(s.finishReasons).toEqual(["stop"]);
    expect(s.usage?.totalTokens).toBe(5);
    expect(s.messageParam).toEqual({ role: "assistant", content: "Hello!" });
    const r = s.constructCallResponse();
    expect(r.content).toBe("Hello!");
    expect(r.usage?.inputTokens).toBe(3);
  });

  it("tools: response.tools are validated instances; executeTools and resume run a loop", async () => {
    const p = createScriptedProvider([
      {
        toolCalls: [
          { name: "get_weather", args: { city: "Paris" } },
          { name: "get_weather", args: { city: "Oslo" } },
        ],
      },
      { text: "Paris is 21C, Oslo too." },
    ]);
    const ask = p.call({ model: "m", tools: [getWeather] }, (q: string) => q);
    const r = await ask("weather?");
    expect(r.tools).toHaveLength(2);
    expect(r.tool?.name).toBe("get_weather");
    expect(r.tool?.args.city).toBe("Paris");
    expect(r.commonFinishReasons).toEqual(["tool_calls"]);
    const outputs = await r.executeTools();
    expect(outputs.map(([, o]) => o)).toEqual([
      { city: "Paris", tempC: 21 },
      { city: "Oslo", tempC: 21 },
    ]);
    const next = await r.resume(outputs);
    expect(next.content).toBe("Paris is 21C, Oslo too.");
    const second = p.fetch.requests[1].messages;
    expect(second).toHaveLength(4);
    expect(second[1]).toEqual(r.messageParam);
    expect(second[2]).toEqual({
      role: "tool",
      content: [{ type: "tool_result", toolCallId: r.tools[0].id, name: "get_weather", content: '{"city":"Paris","tempC":21}' }],
    });
    expect(p.fetch.requests[0].tools[0]).toMatchObject({ name: "get_weather", description: "Current weather for a city" });
  });

  it("dynamic tools replace the option's tools", async () => {
    const other = defineTool({ name: "other", description: "o", parameters: z.object({}), call: () => 1 });
    const p = createScriptedProvider([{ text: "x" }]);
    await p.call({ model: "m", tools: [getWeather] }, () => ({ messages: "hi", tools: [other] }))();
    expect(p.fetch.requests[0].tools.map((t) => t.name)).toEqual(["other"]);
  });

  it("invalid tool arguments give a tool whose error is a ToolArgumentsError with the raw text", async () => {
    const p = createScriptedProvider([{ toolCalls: [{ name: "get_weather", args: '{"city": 5' }] }]);
    const r = await p.call({ model: "m", tools: [getWeather] }, () => "x")();
    const err = await r.tools[0].call().catch((e) => e);
    expect(err).toBe(r.tools[0].error);
    expect(err.name).toBe("ToolArgumentsError");
    expect(err.raw).toBe('{"city": 5');
    const p2 = createScriptedProvider([{ toolCalls: [{ name: "get_weather", args: { city: 5 } }] }]);
    const r2 = await p2.call({ model: "m", tools: [getWeather] }, () => "x")();
    expect(r2.tools[0].error?.name).toBe("ToolArgumentsError");
    expect(r2.tools[0].error?.raw).toBe('{"city":5}');
  });

  it("responseModel returns the validated value; responseOf gives its response", async () => {
    const Book = z.object({ title: z.string(), author: z.string() });
    const p = createScriptedProvider([{ json: { title: "Dune", author: "Frank Herbert" } }]);
    const book = await p.call({ model: "m", responseModel: Book }, () => "extract")();
    expect(book).toEqual({ title: "Dune", author: "Frank Herbert" });
    expect(responseOf(book)?.content).toBe('{"title":"Dune","author":"Frank Herbert"}');
    expect(p.fetch.requests[0].responseSchema).toMatchObject({ type: "object" });
  });

  it("responseModel with a primitive schema is wrapped and unwrapped", async () => {
    const p = createScriptedProvider([{ json: { value: ["a", "b"] } }]);
    const list = await p.call({ model: "m", responseModel: z.array(z.string()) }, () => "list")();
    expect(list).toEqual(["a", "b"]);
    expect(p.fetch.requests[0].responseSchema).toMatchObject({ type: "object", required: ["value"] });
  });

  it("responseModel + tools returns the response when the model calls a tool", async () => {
    const p = createScriptedProvider([{ toolCalls: [{ name: "get_weather", args: { city: "Rome" } }] }]);
    const out = await p.call({ model: "m", responseModel: z.object({ a: z.string() }), tools: [getWeather] }, () => "x")();
    expect(isCallResponse(out)).toBe(true);
    if (isCallResponse(out)) expect(out.tools[0].args).toEqual({ city: "Rome" });
  });

  it("responseModel + tools: resume keeps the response model, so a tool loop ends in the value", async () => {
    const Forecast = z.object({ city: z.string(), tempC: z.number() });
    const p = createScriptedProvider([
      { toolCalls: [{ name: "get_weather", args: { city: "Rome" } }] },
      { json: { city: "Rome", tempC: 21 } },
    ]);
    let out = await p.call({ model: "m", responseModel: Forecast, tools: [getWeather] }, () => "x")();
    let turns = 0;
    while (isCallResponse(out) && turns++ < 3) out = await out.resume(await out.executeTools());
    expect(out).toEqual({ city: "Rome", tempC: 21 });
    expect(p.fetch.requests[1].responseSchema).toMatchObject({ type: "object" });
    expect(p.fetch.requests[1].messages.at(-1)).toMatchObject({ role: "tool" });
  });

  it("validation failure raises ValidationError; validationRetries re-asks with the errors", async () => {
    const Book = z.object({ title: z.string() });
    const bad = createScriptedProvider([{ json: { title: 1 } }]);
    const err = await bad
      .call({ model: "m", responseModel: Book }, () => "x")()
      .catch((e) => e);
    expect(err.name).toBe("ValidationError");
    expect(err.raw).toBe('{"title":1}');
    expect(err.issues.length).toBeGreaterThan(0);
    const retry = createScriptedProvider([{ json: { title: 1 } }, { text: "not json" }, { json: { title: "ok" } }]);
    const book = await retry.call({ model: "m", responseModel: Book, validationRetries: 2 }, () => "x")();
    expect(book).toEqual({ title: "ok" });
    const third = retry.fetch.requests[2].messages;
    expect(JSON.stringify(third.at(-1))).toContain("failed validation");
    const never = createScriptedProvider([{ json: {} }, { json: {} }]);
    const all = await never
      .call({ model: "m", responseModel: Book, validationRetries: 1 }, () => "x")()
      .catch((e) => e);
    expect(all.name).toBe("ValidationError");
    expect(all.attempts).toHaveLength(1);
  });

  it("a ValidationError names a telling finish reason and an empty output", async () => {
    const p = createScriptedProvider([{ text: "", finishReason: "length" }]);
    const err = await p
      .call({ model: "m", responseModel: z.object({ a: z.string() }) }, () => "x")()
      .catch((e) => e);
    expect(err.name).toBe("ValidationError");
    expect(err.message).toContain("the model returned no output");
    expect(err.message).toContain("finish reason: length");
    expect(err.message).not.toContain("..");
  });

  it("jsonMode asks for JSON and returns a response whose content is JSON", async () => {
    const p = createScriptedProvider([{ json: { ok: true } }]);
    const r = await p.call({ model: "m", jsonMode: true }, () => "x")();
    expect(JSON.parse(r.content)).toEqual({ ok: true });
    expect(p.fetch.requests[0].json).toBe(true);
  });

  it("outputParser transforms the response", async () => {
    const p = createScriptedProvider([{ text: "a,b,c" }]);
    const parts = await p.call({ model: "m", outputParser: (r) => r.content.split(",") }, () => "x")();
    expect(parts).toEqual(["a", "b", "c"]);
  });
});
