// A history whose function calls Gemini did not make (another provider's turn, after llm.override or
// llm.fallback, or a hand-built one) has no thought signatures, and Gemini 3 answers 400 when the first
// function call of a model turn has none. Google documents a signature for that case,
// "skip_thought_signature_validator" (https://ai.google.dev/gemini-api/docs/thought-signatures). It goes
// on the first call of each such turn only; Gemini's own calls go back exactly as they came.
import { describe, expect, it } from "vitest";
import type { BaseMessageParam } from "../../src/core/message-param.ts";
import { google } from "../../src/providers/google/index.ts";
import { FOREIGN_CALL_SIGNATURE } from "../../src/providers/google/convert-parts.ts";
import { createReplayFetch } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";

async function sentContents(history: BaseMessageParam[]) {
  const fetch = createReplayFetch({ body: fixtures["gemini/generate_text.json"] });
  await google.call({ model: "gemini-3-pro-preview", client: { apiKey: "k", fetch } }, () => history)();
  return (fetch.requests[0].json as { contents: { role: string; parts: Record<string, unknown>[] }[] }).contents;
}

const user: BaseMessageParam = { role: "user", content: "Weather in Paris and Rome?" };
const results: BaseMessageParam = {
  role: "tool",
  content: [
    { type: "tool_result", toolCallId: "call_1", name: "weather", content: "21C" },
    { type: "tool_result", toolCallId: "call_2", name: "weather", content: "24C" },
  ],
};

describe("Gemini: function calls another model made", () => {
  it("the first call of the turn gets Google's documented signature, the parallel one none", async () => {
    const foreign: BaseMessageParam = {
      role: "assistant",
      content: [
        { type: "tool_call", id: "call_1", name: "weather", args: { city: "Paris" } },
        { type: "tool_call", id: "call_2", name: "weather", args: { city: "Rome" } },
      ],
    };
    const contents = await sentContents([user, foreign, results]);
    expect(contents[1]).toEqual({
      role: "model",
      parts: [
        { functionCall: { name: "weather", args: { city: "Paris" } }, thoughtSignature: "skip_thought_signature_validator" },
        { functionCall: { name: "weather", args: { city: "Rome" } } },
      ],
    });
    expect(FOREIGN_CALL_SIGNATURE).toBe("skip_thought_signature_validator");
  });

  it("Gemini's own calls keep their signature, or go back without one when they had none", async () => {
    const signed: BaseMessageParam = {
      role: "assistant",
      content: [
        {
          type: "tool_call",
          id: "call_1",
          name: "weather",
          args: { city: "Paris" },
          providerData: { provider: "google", thoughtSignature: "real-sig" },
        },
      ],
    };
    const unsigned: BaseMessageParam = {
      role: "assistant",
      content: [{ type: "tool_call", id: "call_2", name: "weather", args: { city: "Rome" }, providerData: { provider: "google" } }],
    };
    const one = {
      role: "tool" as const,
      content: [{ type: "tool_result" as const, toolCallId: "call_1", name: "weather", content: "21C" }],
    };
    const contents = await sentContents([user, signed, one, unsigned]);
    expect(contents[1].parts).toEqual([{ functionCall: { name: "weather", args: { city: "Paris" } }, thoughtSignature: "real-sig" }]);
    expect(contents[3].parts).toEqual([{ functionCall: { name: "weather", args: { city: "Rome" } } }]);
  });
});
