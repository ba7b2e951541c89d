// defineToolkit: tools that share state, a namespace prefixed to their names, descriptions that read the state.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, defineToolkit } from "../../src/index.ts";
import { createScriptedProvider } from "../../src/testing/index.ts";

function notesToolkit() {
  return defineToolkit({
    namespace: "notes",
    state: { items: [] as string[] },
    tools: (state) => [
      defineTool({
        name: "add",
        description: `Add a note. Notes so far: ${state.items.length}`,
        parameters: z.object({ text: z.string() }),
        call: ({ text }) => state.items.push(text),
      }),
      defineTool({ name: "list", description: "List the notes", parameters: z.object({}), call: () => state.items.join("\n") }),
    ],
  });
}

describe("defineToolkit", () => {
  it("prefixes the namespace, shares state between tools and re-reads descriptions on each tools()", async () => {
    const notes = notesToolkit();
    expect(notes.namespace).toBe("notes");
    expect(notes.tools().map((t) => t.name)).toEqual(["notes_add", "notes_list"]);
    expect(notes.tools()[0].description).toBe("Add a note. Notes so far: 0");
    const p = createScriptedProvider([
      { toolCalls: [{ name: "notes_add", args: { text: "milk" } }] },
      { toolCalls: [{ name: "notes_list", args: {} }] },
      { text: "done" },
    ]);
    const ask = p.call({ model: "m" }, (q: string) => ({ messages: q, tools: notes.tools() }));
    let response = await ask("remember milk");
    const tool = response.tool;
    if (tool?.name === "notes_add") expect(tool.args.text).toBe("milk");
    response = await response.resume(await response.executeTools());
    expect(notes.state.items).toEqual(["milk"]);
    const [[listed, output]] = await response.executeTools();
    expect(listed.name).toBe("notes_list");
    expect(output).toBe("milk");
    expect(notes.tools()[0].description).toBe("Add a note. Notes so far: 1");
    expect(p.fetch.requests[0].tools.map((t: { name: string }) => t.name)).toEqual(["notes_add", "notes_list"]);
  });

  it("without a namespace keeps the names; two toolkits keep separate state", () => {
    const make = () =>
      defineToolkit({
        state: { n: 0 },
        tools: (s) => [defineTool({ name: "inc", description: "d", parameters: z.object({}), call: () => ++s.n })],
      });
    const a = make();
    const b = make();
    expect(a.tools()[0].name).toBe("inc");
    a.tools()[0].call({});
    expect([a.state.n, b.state.n]).toEqual([1, 0]);
  });

  it("rejects a namespace that providers would refuse", () => {
    expect(() => defineToolkit({ namespace: "my notes", state: {}, tools: () => [] })).toThrow(/namespace "my notes" is invalid/);
  });
});
