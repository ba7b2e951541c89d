// runTools: the loop call → tools → resume over recorded OpenAI turns, for responses and streams:
// a step limit, an approval refusal, stopWhen, and usage/cost summed over the calls.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, runTools, ToolRefusedError } from "../../src/index.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { createReplayFetch } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";

const toolTurn = { body: fixtures["openai/chat_tool_call.json"] };
const textTurn = { body: fixtures["openai/chat_text.json"] };
const ran: string[] = [];
const capitalTool = (needsApproval: boolean) =>
  defineTool({
    name: "get_capital",
    description: "The capital of a country",
    parameters: z.object({ country: z.string() }),
    call: ({ country }) => {
      ran.push(country);
      return country === "England" ? "London" : "?";
    },
    needsApproval,
  });
const getCapital = capitalTool(false);
const guarded = capitalTool(true);

function ask(fetch: typeof globalThis.fetch, tool = getCapital) {
  return openai.call({ model: "gpt-4o-mini", tools: [tool], client: { apiKey: "k", fetch } }, (q: string) => q);
}

describe("runTools", () => {
  it("runs call → tools → resume until the model answers; usage and cost are summed", async () => {
    const fetch = createReplayFetch([toolTurn, textTurn]);
    const seen: number[] = [];
    const result = await runTools(ask(fetch), "Capital of England?", { maxSteps: 5, onStep: (s) => void seen.push(s.index) });
    expect(result.stoppedBy).toBe("done");
    expect(result.response.content).toMatch(/Galaxy Day/);
    expect(seen).toEqual([0, 1]);
    expect(result.steps[0].outputs.map(([tool, output]) => [tool.name, output])).toEqual([["get_capital", "London"]]);
    expect(result.usage).toMatchObject({ inputTokens: 104 + 16, outputTokens: 16 + 363, totalTokens: 120 + 379 });
    const costs = result.steps.map((s) => s.response.cost ?? Number.NaN);
    expect(result.cost).toBeCloseTo(costs[0] + costs[1], 12);
    const messages = (fetch.requests[1].json as { messages: unknown[] }).messages;
    expect(messages.at(-1)).toEqual({ role: "tool", tool_call_id: "call_SkEQ3ZGSJC8m6AvaIGNuuKdm", content: "London" });
  });

  it("stops at maxSteps while the model still calls tools (stoppedBy: maxSteps, outputs not sent)", async () => {
    const fetch = createReplayFetch([toolTurn, toolTurn, toolTurn]);
    const result = await runTools(ask(fetch), "?", { maxSteps: 2 });
    expect(result.stoppedBy).toBe("maxSteps");
    expect(fetch.requests).toHaveLength(2);
    expect(result.steps).toHaveLength(2);
    expect(result.response.tools).toHaveLength(1);
    expect(result.usage?.inputTokens).toBe(208);
  });

  it("a tool with needsApproval runs only when approve resolves true; a refusal goes back as its error result", async () => {
    ran.length = 0;
    const fetch = createReplayFetch([toolTurn, textTurn]);
    const asked: string[] = [];
    const approve = async (tool: { name: string }) => {
      asked.push(tool.name);
      return false;
    };
    const result = await runTools(ask(fetch, guarded), "?", { maxSteps: 3, approve });
    expect(asked).toEqual(["get_capital"]);
    expect(ran).toEqual([]);
    const [[, text, error]] = result.steps[0].outputs;
    expect(ToolRefusedError.isInstance(error)).toBe(true);
    expect((error as Error).name).toBe("ToolRefusedError");
    const messages = (fetch.requests[1].json as { messages: { content: string }[] }).messages;
    expect(messages.at(-1)).toEqual({ role: "tool", tool_call_id: "call_SkEQ3ZGSJC8m6AvaIGNuuKdm", content: text });
    expect(text).toMatch(/^Error: The user did not approve running the tool "get_capital"/);

    const approvedFetch = createReplayFetch([toolTurn, textTurn]);
    await runTools(ask(approvedFetch, guarded), "?", { maxSteps: 3, approve: () => true });
    expect(ran).toEqual(["England"]);
  });

  it("executeTools() refuses a needsApproval tool when no approve is given", async () => {
    ran.length = 0;
    const response = await ask(createReplayFetch([toolTurn]), guarded)("?");
    const [[, , error]] = await response.executeTools();
    expect(ToolRefusedError.isInstance(error)).toBe(true);
    expect(ran).toEqual([]);
  });

  it("stopWhen ends the loop after a step", async () => {
    const fetch = createReplayFetch([toolTurn, toolTurn]);
    const result = await runTools(ask(fetch), "?", { maxSteps: 5, stopWhen: (step) => step.outputs.length > 0 });
    expect(result.stoppedBy).toBe("stopWhen");
    expect(fetch.requests).toHaveLength(1);
  });

  it("streams: each turn's chunks reach onChunk as they arrive, and usage is summed", async () => {
    const fetch = createReplayFetch([
      { body: fixtures["openai/chat_stream_tool_call.sse"] },
      { body: fixtures["openai/chat_stream_text.sse"] },
    ]);
    const streamed = openai.call(
      { model: "gpt-4o-mini", stream: true, tools: [getCapital], client: { apiKey: "k", fetch } },
      (q: string) => q,
    );
    let text = "";
    const toolsSeen: string[] = [];
    const result = await runTools(streamed, "?", {
      maxSteps: 3,
      onChunk: ([chunk, tool], index) => {
        text += chunk.content;
        if (tool) toolsSeen.push(`${index}:${tool.name}:${tool.args.country}`);
      },
    });
    expect(result.stoppedBy).toBe("done");
    expect(toolsSeen).toEqual(["0:get_capital:UK"]);
    expect(text).toBe(result.response.content);
    expect(result.usage).toMatchObject({ inputTokens: 53 + 78, outputTokens: 15 + 9 });
    expect(fetch.requests).toHaveLength(2);
  });

  it("with responseModel, the loop ends in the validated value, whose call counts in usage", async () => {
    const City = z.object({ city: z.string(), country: z.string() });
    const fetch = createReplayFetch([toolTurn, { body: fixtures["openai/chat_structured_output_json_schema.json"] }]);
    const cityOf = openai.call(
      { model: "gpt-4o-mini", responseModel: City, tools: [getCapital], client: { apiKey: "k", fetch } },
      (q: string) => q,
    );
    const result = await runTools(cityOf, "?", { maxSteps: 3 });
    expect(result.stoppedBy).toBe("done");
    expect(result.response).toEqual({ city: "Mexico City", country: "Mexico" });
    const last = JSON.parse(fixtures["openai/chat_structured_output_json_schema.json"]).usage;
    expect(result.usage?.inputTokens).toBe(104 + last.prompt_tokens);
  });
});
