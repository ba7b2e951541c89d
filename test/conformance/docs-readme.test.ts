// Runs the TypeScript samples of README.md verbatim against recorded responses.
import { describe, expect, it } from "vitest";
import { openai as realOpenai } from "promptcall/openai";
import { createReplayFetch } from "promptcall/testing";
import { fixtures } from "../fixtures/index.ts";
import { replayed } from "./support/docs-support.ts";

describe("README.md", () => {
  it("the first call: content, usage and cost", async () => {
    const replay = createReplayFetch({ body: fixtures["openai/chat_text.json"] });
    const openai = replayed(realOpenai, replay);
    const logged: unknown[][] = [];
    const console = { log: (...values: unknown[]) => logged.push(values) };

    const recommendBook = openai.call({ model: "gpt-4o-mini" }, (genre: string) => `Recommend a ${genre} book`);
    const response = await recommendBook("fantasy");
    console.log(response.content, response.usage, response.cost);

    const [content, usage, cost] = logged[0];
    expect(content).toMatch(/^\*\*Holiday Name:\*\* Galaxy Day/);
    expect(usage).toEqual({ inputTokens: 16, outputTokens: 363, cachedTokens: 0, totalTokens: 379, reasoningTokens: 0 });
    expect(cost).toBeGreaterThan(0);
    expect(replay.requests[0].url).toBe("https://api.openai.com/v1/chat/completions");
    expect(replay.requests[0].json).toMatchObject({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Recommend a fantasy book" }],
    });
  });
});
