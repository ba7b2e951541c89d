// Runs the sample of docs/tools-and-agents.md verbatim: a tool loop over recorded OpenAI responses.
import { describe, expect, it } from "vitest";
import { defineTool } from "promptcall";
import { z } from "zod";
import { openai as realOpenai } from "promptcall/openai";
import { createReplayFetch } from "promptcall/testing";
import { fixtures } from "../fixtures/index.ts";
import { replayed } from "./support/docs-support.ts";

/** The recorded tool-call completion, with its tool calls replaced by `calls`. */
function toolCallTurn(calls: { name: string; args: unknown }[]): string {
  const body = JSON.parse(fixtures["openai/chat_tool_call.json"]);
  body.choices[0].message.tool_calls = calls.map((c, i) => ({
    id: `call_${i + 1}`,
    type: "function",
    function: { name: c.name, arguments: JSON.stringify(c.args) },
  }));
  return JSON.stringify(body);
}

describe("docs/tools-and-agents.md", () => {
  it("runs the agent loop until the model stops calling tools", async () => {
    const replay = createReplayFetch([
      {
        body: toolCallTurn([
          { name: "get_weather", args: { city: "Paris" } },
          { name: "get_weather", args: { city: "Oslo" } },
        ]),
      },
      { body: fixtures["openai/chat_text.json"] },
    ]);
    const openai = replayed(realOpenai, replay);
    const logged: unknown[] = [];
    const console = { log: (value: unknown) => logged.push(value) };

    const getWeather = defineTool({
      name: "get_weather",
      description: "Current weather for a city",
      parameters: z.object({ city: z.string() }),
      call: async ({ city }) => ({ city, tempC: 21 }),
    });

    const ask = openai.call({ model: "gpt-4o-mini", tools: [getWeather] }, (q: string) => q);
    let response = await ask("What's the weather in Paris and Oslo?");
    while (response.tools.length > 0) {
      const outputs = await response.executeTools(); // [tool, output] pairs
      response = await response.resume(outputs); // the same call, history extended by this turn
    }
    console.log(response.content);

    expect(logged).toEqual([response.content]);
    expect(response.content).toMatch(/Galaxy Day/);
    expect(replay.requests).toHaveLength(2);
    const first = replay.requests[0].json as { tools: { function: { name: string; parameters: unknown } }[] };
    expect(first.tools[0].function).toMatchObject({
      name: "get_weather",
      parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
    });
    const second = replay.requests[1].json as { messages: unknown[] };
    expect(second.messages.slice(1)).toEqual([
      expect.objectContaining({
        role: "assistant",
        tool_calls: [expect.objectContaining({ id: "call_1" }), expect.objectContaining({ id: "call_2" })],
      }),
      { role: "tool", tool_call_id: "call_1", content: '{"city":"Paris","tempC":21}' },
      { role: "tool", tool_call_id: "call_2", content: '{"city":"Oslo","tempC":21}' },
    ]);
  });
});
