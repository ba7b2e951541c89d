// promptcall's SSE format on the server side: toEventStream / toEventStreamResponse.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, llm } from "../../src/index.ts";
import { createScriptedProvider } from "../../src/testing/index.ts";
import { IN_WORKERD } from "../../src/web-streams/in-workerd.ts";
import { toEventStream, toEventStreamResponse } from "../../src/worker/index.ts";

/** Resolves once `ready()` is true, polling every 20 ms; rejects after `ms`. */
async function waitFor(ready: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`not ready after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const many = Array.from({ length: 40 }, (_, i) => `w${i} `);

function parseSse(text: string): { event: string; data: unknown }[] {
  return text
    .split("\n\n")
    .filter((block) => block !== "")
    .map((block) => {
      const [eventLine, dataLine, ...more] = block.split("\n");
      expect(more).toEqual([]);
      expect(eventLine.startsWith("event: ")).toBe(true);
      expect(dataLine.startsWith("data: ")).toBe(true);
      return { event: eventLine.slice(7), data: JSON.parse(dataLine.slice(6)) };
    });
}

describe("toEventStreamResponse", () => {
  it("streams text deltas, a completed tool call, usage and done, in that format", async () => {
    const tool = defineTool({ name: "get_weather", description: "d", parameters: z.object({ city: z.string() }), call: () => 1 });
    const p = createScriptedProvider([
      {
        chunks: ["Hel", "lo"],
        toolCalls: [{ id: "call_1", name: "get_weather", args: { city: "Paris" } }],
        usage: { inputTokens: 3, outputTokens: 5 },
      },
    ]);
    const s = await p.call({ model: "m", stream: true, tools: [tool] }, () => "hi")();
    const res = toEventStreamResponse(s);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const text = await res.text();
    expect(text.startsWith('event: text\ndata: {"delta":"Hel"}\n\nevent: text\ndata: {"delta":"lo"}\n\n')).toBe(true);
    expect(text).toContain('event: tool_call\ndata: {"id":"call_1","name":"get_weather","args":{"city":"Paris"}}\n\n');
    expect(text.endsWith("event: done\ndata: {}\n\n")).toBe(true);
    const events = parseSse(text);
    expect(events.map((e) => e.event)).toEqual(["text", "text", "tool_call", "usage", "done"]);
    expect(events[3].data).toEqual({
      usage: { inputTokens: 3, outputTokens: 5, cachedTokens: 0, totalTokens: 8 },
      cost: null,
      finishReasons: ["tool_calls"],
      commonFinishReasons: ["tool_calls"],
      model: "m",
    });
  });

  it("streams an llm.call stream (provider-agnostic) the same way, tool calls included", async () => {
    const tool = defineTool({ name: "get_weather", description: "d", parameters: z.object({ city: z.string() }), call: () => 1 });
    const p = createScriptedProvider([
      {
        chunks: ["Hel", "lo"],
        toolCalls: [{ id: "call_1", name: "get_weather", args: { city: "Paris" } }],
        usage: { inputTokens: 3, outputTokens: 5 },
      },
    ]);
    const s = await llm.call({ provider: p, model: "m", stream: true, tools: [tool] }, () => "hi")();
    // No cast: an LLMStream is an event-stream source (it was not: no toolCalls, no commonFinishReasons).
    const events = parseSse(await toEventStreamResponse(s).text());
    expect(events.map((e) => e.event)).toEqual(["text", "text", "tool_call", "usage", "done"]);
    expect(events[2].data).toEqual({ id: "call_1", name: "get_weather", args: { city: "Paris" } });
    expect(events[3].data).toMatchObject({ finishReasons: ["tool_calls"], commonFinishReasons: ["tool_calls"], model: "m" });
  });

  it("sends tool calls without a matching definition too, and keeps init's status and headers", async () => {
    const p = createScriptedProvider([{ text: "", toolCalls: [{ id: "c9", name: "unknown_tool", args: "not json" }] }]);
    const s = await p.call({ model: "m", stream: true }, () => "hi")();
    const res = toEventStreamResponse(s, { status: 201, headers: { "x-trace": "t1", "cache-control": "no-store" } });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-trace")).toBe("t1");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const events = parseSse(await res.text());
    expect(events[0]).toEqual({ event: "tool_call", data: { id: "c9", name: "unknown_tool", args: "not json" } });
    expect(events.map((e) => e.event)).toEqual(["tool_call", "usage", "done"]);
  });

  it("ends with an error event (name and message only) when the provider stream fails mid-way", async () => {
    const p = createScriptedProvider([{ chunks: many, breakAfter: 2 }]);
    const s = await p.call({ model: "m", stream: true }, () => "hi")();
    const seen: unknown[] = [];
    const text = await toEventStreamResponse(s, { onError: (e) => seen.push(e) }).text();
    const events = parseSse(text);
    expect(events.map((e) => e.event)).toEqual(["text", "text", "error"]);
    const error = events[2].data as Record<string, unknown>;
    expect(Object.keys(error).sort()).toEqual(["message", "name"]);
    expect(error.name).toBe("NetworkError");
    expect(String(error.message)).toMatch(/body failed/);
    expect(seen).toHaveLength(1);
    expect((seen[0] as Error).name).toBe("NetworkError");
  });

  it("sends a call with invalid tool arguments as a tool_call event (the page decides what to send back)", async () => {
    const tool = defineTool({ name: "t", description: "d", parameters: z.object({ n: z.number() }), call: () => 1 });
    const p = createScriptedProvider([{ text: "ok", toolCalls: [{ name: "t", args: { n: "two" } }] }]);
    const s = await p.call({ model: "m", stream: true, tools: [tool] }, () => "hi")();
    const events = parseSse(await toEventStreamResponse(s).text());
    expect(events.map((e) => e.event)).toEqual(["text", "tool_call", "usage", "done"]);
    expect(events[1].data).toMatchObject({ name: "t", args: { n: "two" } });
  });
});

describe("toEventStream cancellation", () => {
  it("is pull-based: nothing is requested from the provider stream before a read", async () => {
    const p = createScriptedProvider([{ chunks: many }]);
    const s = await p.call({ model: "m", stream: true }, () => "hi")();
    const body = toEventStream(s);
    await new Promise((r) => setTimeout(r, 5));
    expect(s.content).toBe("");
    const reader = body.getReader();
    await reader.read();
    expect(s.content).toBe("w0 ");
    await reader.cancel();
  });

  it("cancelling the Response body (client gone) cancels the provider stream", async () => {
    const p = createScriptedProvider([{ chunks: many }]);
    const s = await p.call({ model: "m", stream: true }, () => "hi")();
    const reader = toEventStreamResponse(s).body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('event: text\ndata: {"delta":"w0 "}\n\n');
    await reader.cancel(new Error("tab closed"));
    expect(p.fetch.cancelled).toBe(1);
    expect(s.content.length).toBeLessThan(many.join("").length);
  });

  it("a cancel while a read waits on a slow provider aborts at once, without waiting for the next chunk", async () => {
    const p = createScriptedProvider([{ chunks: many, delayMs: 1500 }]);
    const s = await p.call({ model: "m", stream: true }, () => "hi")();
    const reader = toEventStream(s).getReader();
    const pending = reader.read();
    await new Promise((r) => setTimeout(r, 20));
    const start = Date.now();
    await reader.cancel();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(Date.now() - start).toBeLessThan(700);
    // workerd reports a body cancelled while a read of it is pending as an unhandled rejection, so
    // there the read loops cancel the provider's body once that read settles (src/web-streams/in-workerd.ts).
    if (IN_WORKERD) await waitFor(() => p.fetch.cancelled > 0, 3000);
    expect(p.fetch.cancelled).toBe(1);
  });
});
