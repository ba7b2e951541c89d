// Runs the samples of docs/calls.md verbatim against recorded OpenAI responses.
import { describe, expect, it } from "vitest";
import { messages } from "promptcall";
import { openai as realOpenai } from "promptcall/openai";
import { createReplayFetch } from "promptcall/testing";
import { fixtures } from "../fixtures/index.ts";
import { replayed } from "./support/docs-support.ts";

describe("docs/calls.md", () => {
  it("a call and its response fields", async () => {
    const replay = createReplayFetch({ body: fixtures["openai/chat_text.json"] });
    const openai = replayed(realOpenai, replay);

    const recommendBook = openai.call({ model: "gpt-4o-mini" }, (genre: string) => `Recommend a ${genre} book`);
    const response = await recommendBook("fantasy");
    response.content; // the text
    response.finishReasons; // e.g. ["stop"]
    response.usage; // { inputTokens, outputTokens, cachedTokens, totalTokens }
    response.cost; // USD, or undefined for a model without a known price

    expect(response.content).toMatch(/Galaxy Day/);
    expect(response.finishReasons).toEqual(["stop"]);
    expect(response.usage).toMatchObject({ inputTokens: 16, outputTokens: 363, cachedTokens: 0, totalTokens: 379 });
    expect(response.cost).toBeGreaterThan(0);
    expect(replay.requests[0].json).toMatchObject({ messages: [{ role: "user", content: "Recommend a fantasy book" }] });
  });

  it("a prompt function returning a dynamic config", async () => {
    const replay = createReplayFetch({ body: fixtures["openai/chat_text.json"] });
    const openai = replayed(realOpenai, replay);

    const answer = openai.call({ model: "gpt-4o-mini", callParams: { temperature: 0.2 } }, async (question: string) => ({
      messages: [messages.system("Answer in one sentence."), messages.user(question)],
      callParams: { max_completion_tokens: 100 },
      metadata: { feature: "faq" },
    }));

    const response = await answer("What is Galaxy Day?");
    expect(replay.requests[0].json).toMatchObject({
      model: "gpt-4o-mini",
      temperature: 0.2,
      max_completion_tokens: 100,
      messages: [
        { role: "system", content: "Answer in one sentence." },
        { role: "user", content: "What is Galaxy Day?" },
      ],
    });
    expect(response.metadata).toEqual({ feature: "faq" });
    expect(response.commonFinishReasons).toEqual(["stop"]);
  });
});
