import { describe, expect, it } from "vitest";
// @ts-expect-error plain JS example without type declarations
import { runAgent } from "../../examples/node/agent.mjs";
// @ts-expect-error plain JS example without type declarations
import { scriptedLibrarian } from "../../examples/node/scripted-librarian.mjs";

describe("examples/node", () => {
  it("runs the agent loop and returns a validated summary", async () => {
    const provider = scriptedLibrarian();
    const lines: string[] = [];
    const result = await runAgent({ provider, model: "scripted-librarian" }, "a classic", (l: string) => lines.push(l));
    expect(lines[0]).toBe('turn 1: search_books({"query":"dune"})');
    expect(lines[1]).toBe('turn 2: check_availability({"isbn":"9780441172719"})');
    expect(result.answer).toBe("Dune by Frank Herbert is on the shelf: 2 copies.");
    expect(result.summary).toEqual({
      recommendation: "Dune",
      author: "Frank Herbert",
      available: true,
      reason: "Two copies are on the shelf.",
    });
    expect(provider.fetch.requests).toHaveLength(4);
  });
});
