// Runs the sample of docs/tools-and-agents.md verbatim: a tool loop over recorded OpenAI responses.
import { describe, expect, it } from "vitest";
import { defineTool, defineToolkit, isCallResponse, runTools } from "promptcall";
import { z } from "zod";
import { openai as realOpenai } from "promptcall/openai";
import { createReplayFetch } from "promptcall/testing";
import { fixtures } from "../fixtures/index.ts";
import { replayed, weatherTool } from "./support/docs-support.ts";
import { jsonStreamTurn } from "./support/json-stream-turn.ts";

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

  it("sends tool errors back to the model", async () => {
    const replay = createReplayFetch([
      { body: toolCallTurn([{ name: "get_weather", args: { city: "Atlantis" } }]) },
      { body: fixtures["openai/chat_text.json"] },
    ]);
    const openai = replayed(realOpenai, replay);
    const logged: unknown[] = [];
    const console = { log: (value: unknown) => logged.push(value) };
    const getWeather = defineTool({
      name: "get_weather",
      description: "Current weather for a city",
      parameters: z.object({ city: z.string() }),
      call: async ({ city }): Promise<{ tempC: number }> => {
        throw new Error(`unknown city ${city}`);
      },
    });
    const response = await openai.call({ model: "gpt-4o-mini", tools: [getWeather] }, (q: string) => q)("?");

    const outputs = await response.executeTools(); // a failing tool gives [tool, text, error]
    for (const [tool, output, error] of outputs) {
      if (error) console.log(`${tool.name} failed: ${output}`);
    }
    const next = await response.resume(outputs); // the model reads the error and may call again

    expect(logged).toEqual(['get_weather failed: Error: the tool "get_weather" failed: unknown city Atlantis']);
    expect(next.content).toMatch(/Galaxy Day/);
    const sent = replay.requests[1].json as { messages: unknown[] };
    expect(sent.messages.at(-1)).toEqual({ role: "tool", tool_call_id: "call_1", content: outputs[0][1] });
    await expect(response.executeTools({ throwOnError: true })).rejects.toThrow("unknown city Atlantis");
  });

  it("runs a toolkit whose tools share state", async () => {
    const replay = createReplayFetch([
      { body: toolCallTurn([{ name: "notes_add", args: { text: "milk" } }]) },
      { body: fixtures["openai/chat_text.json"] },
    ]);
    const openai = replayed(realOpenai, replay);
    const logged: unknown[] = [];
    const console = { log: (value: unknown) => logged.push(value) };

    const notes = defineToolkit({
      namespace: "notes",
      state: { items: [] as string[] },
      tools: (state) => [
        defineTool({
          name: "add",
          description: `Add a note. There are ${state.items.length} notes so far.`,
          parameters: z.object({ text: z.string() }),
          call: ({ text }) => state.items.push(text),
        }),
      ],
    });

    const remember = openai.call({ model: "gpt-4o-mini" }, (q: string) => ({ messages: q, tools: notes.tools() }));
    const answer = await runTools(remember, "Remember to buy milk", { maxSteps: 3 });
    console.log(notes.state.items); // ["milk"]

    expect(logged).toEqual([["milk"]]);
    expect(answer.stoppedBy).toBe("done");
    const tools = (r: number) => (replay.requests[r].json as { tools: { function: { name: string; description: string } }[] }).tools;
    expect(tools(0)[0].function).toMatchObject({ name: "notes_add", description: "Add a note. There are 0 notes so far." });
    expect(tools(1)[0].function.description).toBe("Add a note. There are 0 notes so far."); // resume keeps its call's tools
    expect(notes.tools()[0].description).toBe("Add a note. There are 1 notes so far."); // the next call sends this
  });

  it("runs the loop with runTools, asking before a tool that needs approval", async () => {
    const replay = createReplayFetch([
      {
        body: toolCallTurn([
          { name: "get_weather", args: { city: "Paris" } },
          { name: "delete_file", args: { path: "/etc/hosts" } },
        ]),
      },
      { body: fixtures["openai/chat_text.json"] },
    ]);
    const openai = replayed(realOpenai, replay);
    const logged: unknown[] = [];
    const console = { log: (...values: unknown[]) => logged.push(values) };
    const asked: string[] = [];
    const confirm = (question: string) => {
      asked.push(question);
      return false;
    };
    const getWeather = weatherTool();

    const deleteFile = defineTool({
      name: "delete_file",
      description: "Delete a file",
      parameters: z.object({ path: z.string() }),
      call: async ({ path }) => `deleted ${path}`,
      needsApproval: true, // runs only when approve(tool) resolves true
    });

    const agent = openai.call({ model: "gpt-4o-mini", tools: [getWeather, deleteFile] }, (q: string) => q);
    const result = await runTools(agent, "What's the weather in Paris and Oslo?", {
      maxSteps: 5,
      approve: async (tool) => confirm(`Run ${tool.name} with ${JSON.stringify(tool.args)}?`),
      onStep: (step) => console.log(`step ${step.index}: ${step.outputs.length} tool results`),
    });
    if (result.stoppedBy === "maxSteps") console.log("The model was still calling tools after 5 calls.");
    console.log(result.response.content, result.usage?.totalTokens, result.cost);

    expect(asked).toEqual(['Run delete_file with {"path":"/etc/hosts"}?']);
    expect(logged[0]).toEqual(["step 0: 2 tool results"]);
    expect(logged[1]).toEqual(["step 1: 0 tool results"]);
    expect(result.usage?.totalTokens).toBe(120 + 379);
    const sent = (replay.requests[1].json as { messages: { role: string; content: string }[] }).messages.slice(-2);
    expect(sent[0].content).toBe('{"city":"Paris","tempC":21}');
    expect(sent[1].content).toMatch(/^Error: The user did not approve running the tool "delete_file"/);
  });

  it("streams each turn of a streaming agent to the user", async () => {
    const toolStream = fixtures["openai/chat_stream_tool_call.sse"]
      .replace('"name":"get_capital"', '"name":"get_weather"')
      .replace('"arguments":"country"', '"arguments":"city"')
      .replace('"arguments":"UK"', '"arguments":"Paris"');
    const replay = createReplayFetch([{ body: toolStream }, { body: fixtures["openai/chat_stream_text.sse"] }]);
    const openai = replayed(realOpenai, replay);
    const logged: unknown[] = [];
    const console = { log: (value: unknown) => logged.push(value) };
    const getWeather = weatherTool();

    const streamingAgent = openai.call({ model: "gpt-4o-mini", stream: true, tools: [getWeather] }, (q: string) => q);
    let shown = "";
    const streamed = await runTools(streamingAgent, "What's the weather in Paris?", {
      maxSteps: 5,
      onChunk: ([chunk, tool], step) => {
        shown += chunk.content; // print it: each token as it comes
        if (tool) shown += `\n[step ${step}: calling ${tool.name}(${tool.args.city})]\n`;
      },
    });
    console.log(streamed.response.content); // the last turn's text; shown holds every turn's

    expect(shown).toBe(`\n[step 0: calling get_weather(Paris)]\n${streamed.response.content}`);
    expect(logged).toEqual([streamed.response.content]);
    expect(streamed.steps).toHaveLength(2);
  });

  it("streams partial tools as their arguments arrive", async () => {
    const toolStream = fixtures["openai/chat_stream_tool_call.sse"]
      .replace('"name":"get_capital"', '"name":"get_weather"')
      .replace('"arguments":"country"', '"arguments":"city"')
      .replace(
        '"arguments":"UK"',
        '"arguments":"Pa"}}]},"logprobs":null,"finish_reason":null}],"usage":null}\n\ndata: {"id":"x","object":"chat.completion.chunk","model":"gpt-4o-mini","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"ris"',
      );
    const replay = createReplayFetch({ body: toolStream });
    const openai = replayed(realOpenai, replay);
    const logged: unknown[][] = [];
    const console = { log: (...values: unknown[]) => logged.push(values.map((v) => structuredClone(v))) };
    const getWeather = weatherTool();

    const planTrip = openai.call({ model: "gpt-4o-mini", stream: { partialTools: true }, tools: [getWeather] }, (q: string) => q);
    const trip = await planTrip("What's the weather in Paris?");
    for await (const [, tool] of trip) {
      // partial: { city: "Pa" }, then { city: "Paris" }; then the complete tool
      if (tool?.partial) console.log(`${tool.name} so far:`, tool.args);
      else if (tool) console.log(`${tool.name} ready:`, await tool.call());
    }

    expect(logged).toContainEqual(["get_weather so far:", { city: "Pa" }]);
    expect(logged).toContainEqual(["get_weather so far:", { city: "Paris" }]);
    expect(logged.at(-1)).toEqual(["get_weather ready:", { city: "Paris", tempC: 21 }]);
  });

  it("streams a responseModel call with tools: tools, resume, then the value", async () => {
    const replay = createReplayFetch([{ body: fixtures["openai/chat_stream_tool_call.sse"] }, { body: jsonStreamTurn() }]);
    const openai = replayed(realOpenai, replay);
    const logged: unknown[][] = [];
    const console = { log: (...values: unknown[]) => logged.push(values.map((v) => structuredClone(v))) };
    const getCapital = defineTool({
      name: "get_capital",
      description: "The capital of a country",
      parameters: z.object({ country: z.string() }),
      call: () => "Mexico City",
    });

    const City = z.object({ city: z.string(), country: z.string() });
    const cityOf = openai.call({ model: "gpt-4o-mini", stream: true, responseModel: City, tools: [getCapital] }, (q: string) => q);
    let cityStream = await cityOf("Which city is the capital?");
    for await (const partial of cityStream) console.log(partial);
    while (cityStream.tools.length > 0) {
      cityStream = await cityStream.resume(await cityStream.executeTools()); // streams the next turn
      for await (const partial of cityStream) console.log(partial); // { city: "Mexic" }, { city: "Mexico City" }, …
    }
    const city = await cityStream.final(); // the value, or the call response if a tool was called
    if (!isCallResponse(city)) console.log(city.city, city.country);

    expect(logged.at(-1)).toEqual(["Mexico City", "Mexico"]);
    expect(logged).toContainEqual([{ city: "Mexic" }]);
    expect(replay.requests).toHaveLength(2);
  });
});
