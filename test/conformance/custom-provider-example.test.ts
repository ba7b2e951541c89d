import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, PromptcallError } from "promptcall";
import { parrot, ParrotTool } from "../../examples/custom-provider/parrot-provider.ts";
import { createParrotServer } from "../../examples/custom-provider/parrot-server.ts";

const shout = defineTool({
  name: "shout",
  description: "Upper-cases a word",
  parameters: z.object({ word: z.string() }),
  call: ({ word }) => word.toUpperCase(),
});

describe("custom provider example (Parrot)", () => {
  it("calls, streams and reports usage", async () => {
    const server = createParrotServer();
    const echo = parrot.call({ model: "parrot-1", client: { fetch: server.fetch, apiKey: "k" } }, (t: string) => t);
    const r = await echo("hello there");
    expect(r.content).toBe("you said: hello there");
    expect(r.commonFinishReasons).toEqual(["stop"]);
    expect(r.usage?.totalTokens).toBe(9);
    expect(r.cost).toBeCloseTo((r.usage!.inputTokens * 1 + r.usage!.outputTokens * 2) / 1e6, 12);
    const streamed = parrot.call({ model: "parrot-1", stream: true, client: { fetch: server.fetch } }, (t: string) => t);
    const s = await streamed("one two");
    const pieces: string[] = [];
    for await (const [chunk] of s) if (chunk.content) pieces.push(chunk.content);
    expect(pieces).toEqual(["you ", "said: ", "one ", "two"]);
    expect(s.constructCallResponse().content).toBe("you said: one two");
  });

  it("runs a tool loop with its own message format", async () => {
    const server = createParrotServer();
    const call = parrot.call({ model: "parrot-1", tools: [shout], client: { fetch: server.fetch } }, (t: string) => t);
    const r = await call('use shout {"word":"hi"}');
    expect(r.tool).toBeInstanceOf(ParrotTool);
    expect(r.tool?.args).toEqual({ word: "hi" });
    const next = await r.resume(await r.executeTools());
    expect(next.content).toBe("tool said: HI");
    expect(server.seen[1].turns.slice(1)).toEqual([
      { speaker: "bot", text: "", calls: [{ ref: "ref-1", fn: "shout", input: { word: "hi" } }] },
      { speaker: "tool", text: "HI", callId: "ref-1" },
    ]);
    expect(server.seen[0].functions[0]).toEqual({ name: "shout", about: "Upper-cases a word", schema: shout.jsonSchema });
  });

  it("maps its error envelope to a typed error without the key", async () => {
    const server = createParrotServer();
    const call = parrot.call({ model: "parrot-1", client: { fetch: server.fetch, apiKey: "secret-key" } }, () => "fail");
    const err = await call().catch((e) => e);
    expect(PromptcallError.isInstance(err)).toBe(true);
    expect(err.status).toBe(422);
    expect(err.message).toContain("parrot is tired");
    expect(JSON.stringify(err)).not.toContain("secret-key");
  });
});
