// docs/custom-providers.md: its sample is the last lines of examples/custom-provider/parrot-provider.ts
// (run by custom-provider-example.test.ts). This file checks the page's other promises about what
// the factory gives a provider built that way: cost from its own and registered prices, and llm.call support.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { llm, registerPrices } from "promptcall";
import { parrot } from "../../examples/custom-provider/parrot-provider.ts";
import { createParrotServer } from "../../examples/custom-provider/parrot-server.ts";

describe("docs/custom-providers.md", () => {
  it("a provider built with callFactory prices its calls from its definition's prices and from registerPrices", async () => {
    const server = createParrotServer();
    const priced = await parrot.call({ model: "parrot-1", client: { fetch: server.fetch } }, (t: string) => t)("hello");
    expect(priced.cost).toBeCloseTo((priced.usage!.inputTokens * 1 + priced.usage!.outputTokens * 2) / 1e6, 12); // its `prices`
    const echo = parrot.call({ model: "parrot-2", client: { fetch: server.fetch } }, (t: string) => t);
    const before = await echo("hello");
    expect(before.cost).toBeUndefined(); // parrot-2 has no price yet
    registerPrices("parrot", "parrot-2", { input: 3, output: 4 });
    const response = await echo("hello");
    const usage = response.usage!;
    expect(response.cost).toBeCloseTo((usage.inputTokens * 3 + usage.outputTokens * 4) / 1e6, 12);
  });

  it("llm.call takes the provider object", async () => {
    const server = createParrotServer();
    const echo = llm.call({ provider: parrot, model: "parrot-1", client: { fetch: server.fetch } }, (t: string) => t);
    const response = await echo("hello there");
    expect(response.content).toBe("you said: hello there");
    expect(response.finishReasons).toEqual(["stop"]);
    expect(response.messageParam).toEqual({ role: "assistant", content: "you said: hello there" });
  });

  it("structured outputs stream as partial values", async () => {
    const server = createParrotServer();
    const Pair = z.object({ a: z.string(), b: z.string() });
    const stream = await parrot.call(
      { model: "parrot-1", stream: true, responseModel: Pair, client: { fetch: server.fetch } },
      (t: string) => t,
    )('{"a": "one", "b": "two"}');
    const partials: unknown[] = [];
    for await (const partial of stream) partials.push(structuredClone(partial));
    expect(partials.length).toBeGreaterThan(1);
    expect(await stream.final()).toEqual({ a: "one", b: "two" });
  });
});
