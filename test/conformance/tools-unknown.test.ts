// A call to a tool the call does not define (a hallucinated name) is not a lost turn: the tool comes
// back with `error` set to an UnknownToolError, executeTools() turns it into an error result, and
// resume() sends that result for the call id in each provider's own error form (a history with a
// tool call and no result is rejected by OpenAI and Anthropic). Tool-call turns are recorded fixtures.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { responseOf } from "../../src/core/structured/response-of.ts";
import { defineTool, llm, PromptcallError, runTools, type BaseTool, type ToolOutput } from "../../src/index.ts";
import { anthropic } from "../../src/providers/anthropic/index.ts";
import { bedrock } from "../../src/providers/bedrock/index.ts";
import { google } from "../../src/providers/google/index.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { createReplayFetch, fixtureResponse } from "../../src/testing/replay-fetch.ts";
import { createScriptedProvider } from "../../src/testing/index.ts";
import { fixtures } from "../fixtures/index.ts";

let ran = 0;
const lookup = defineTool({
  name: "lookup",
  description: "Looks a word up",
  parameters: z.object({ q: z.string() }),
  call: () => {
    ran++;
    return "found";
  },
});
const other = defineTool({ name: "other", description: "d", parameters: z.object({}), call: () => "x" });

const unknownText = (name: string) =>
  `Error: The model called the tool "${name}", which this call does not define. ` +
  "The tools it defines are: lookup, other. Call one of them, or answer without a tool.";

/** The tool is an unknown-tool tool: its error names it and the defined tools. */
function expectUnknown(tool: BaseTool | undefined, name: string) {
  expect(tool?.name).toBe(name);
  expect(tool?.error?.name).toBe("UnknownToolError");
  expect(tool?.error).toBeInstanceOf(PromptcallError);
  expect(tool?.error).toMatchObject({ toolName: name, definedTools: ["lookup", "other"] });
}

/** executeTools() gives one error result per unknown call, the tool function never runs. */
async function errorResults(response: { executeTools(): Promise<ToolOutput[]> }, name: string) {
  const before = ran;
  const outputs = await response.executeTools();
  expect(ran).toBe(before);
  for (const [tool, text, error] of outputs) {
    expectUnknown(tool, name);
    expect(error).toBe(tool.error);
    expect(text).toBe(unknownText(name));
  }
  return outputs;
}

describe("a call to a tool the call does not define", () => {
  it("OpenAI Chat: an error result goes back as the tool message for the call id", async () => {
    const fetch = createReplayFetch([{ body: fixtures["openai/chat_tool_call.json"] }, { body: fixtures["openai/chat_text.json"] }]);
    const response = await openai.call({ model: "gpt-4o-mini", tools: [lookup, other], client: { apiKey: "k", fetch } }, () => "?")();
    expect(response.tools).toHaveLength(1);
    expectUnknown(response.tool, "get_capital");
    expect(response.tool?.args).toEqual({ country: "England" });
    expect(response.tool?.error?.raw).toBe('{"country":"England"}');
    const outputs = await errorResults(response, "get_capital");
    expect(outputs).toHaveLength(1);
    await response.resume(outputs);
    const messages = (fetch.requests[1].json as { messages: unknown[] }).messages;
    expect(messages.at(-1)).toEqual({ role: "tool", tool_call_id: "call_SkEQ3ZGSJC8m6AvaIGNuuKdm", content: unknownText("get_capital") });
  });

  it("OpenAI Responses: each unknown call gets a function_call_output", async () => {
    const body = fixtures["extra/openai/responses_parallel_function_calls.json"];
    const fetch = createReplayFetch([{ body }, { body }]);
    const call = openai.call({ model: "gpt-4o", api: "responses", tools: [lookup, other], client: { apiKey: "k", fetch } }, () => "?");
    const response = await call();
    const outputs = await errorResults(response, "secret_retrieval_tool");
    expect(outputs).toHaveLength(2);
    await response.resume(outputs);
    const input = (fetch.requests[1].json as { input: { type: string }[] }).input.filter((i) => i.type === "function_call_output");
    expect(input).toEqual([
      { type: "function_call_output", call_id: "call_bzXaB1HDWsWy7n6bMrxJzNNa", output: unknownText("secret_retrieval_tool") },
      { type: "function_call_output", call_id: "call_Dd4wvykCr6NttXKxRK0BFH96", output: unknownText("secret_retrieval_tool") },
    ]);
  });

  it("Anthropic: a tool_result with is_error: true for the tool_use id", async () => {
    const fetch = createReplayFetch([{ body: fixtures["anthropic/tool_use.json"] }, { body: fixtures["anthropic/text.json"] }]);
    const response = await anthropic.call(
      { model: "claude-sonnet-4-5", tools: [lookup, other], client: { apiKey: "k", fetch } },
      () => "?",
    )();
    await response.resume(await errorResults(response, "final_result"));
    const messages = (fetch.requests[1].json as { messages: unknown[] }).messages;
    expect(messages.at(-1)).toEqual({
      role: "user",
      content: [
        { type: "tool_result", tool_use_id: "toolu_01LZABsgreMefH2Go8D5PQbW", content: unknownText("final_result"), is_error: true },
      ],
    });
  });

  it("Gemini: a functionResponse with response.error", async () => {
    const fetch = createReplayFetch([
      { body: fixtures["gemini/generate_function_call.json"] },
      { body: fixtures["gemini/generate_text.json"] },
    ]);
    const response = await google.call({ model: "gemini-2.0-flash", tools: [lookup, other], client: { apiKey: "k", fetch } }, () => "?")();
    await response.resume(await errorResults(response, "final_result"));
    const contents = (fetch.requests[1].json as { contents: unknown[] }).contents;
    expect(contents.at(-1)).toEqual({
      role: "user",
      parts: [{ functionResponse: { name: "final_result", response: { error: unknownText("final_result") } } }],
    });
  });

  it("Bedrock: a toolResult with status: error", async () => {
    const body = fixtures["bedrock/converse_tool_use_claude3_sonnet.json"];
    const fetch = createReplayFetch([{ body }, { body: fixtures["bedrock/converse_text_llama3_2_1b.json"] }]);
    const client = { region: "us-east-1", accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", fetch };
    const response = await bedrock.call({ model: "anthropic.claude-3-sonnet-20240229-v1:0", tools: [lookup, other], client }, () => "?")();
    await response.resume(await errorResults(response, "fetch_concept"));
    const messages = (fetch.requests[1].json as { messages: unknown[] }).messages;
    expect(messages.at(-1)).toEqual({
      role: "user",
      content: [
        { toolResult: { toolUseId: "tooluse_iPA5tRLlQ5qSvfeYGeQVPg", content: [{ text: unknownText("fetch_concept") }], status: "error" } },
      ],
    });
  });

  it("llm: the neutral tool result is marked isError and reaches the provider as its error form", async () => {
    const fetch = createReplayFetch([{ body: fixtures["anthropic/tool_use.json"] }, { body: fixtures["anthropic/text.json"] }]);
    const response = await llm.call(
      { model: "anthropic/claude-sonnet-4-5", tools: [lookup, other], client: { apiKey: "k", fetch } },
      () => "?",
    )();
    const outputs = await errorResults(response, "final_result");
    const [message] = response.toolMessageParams(outputs);
    expect(message.content).toEqual([
      {
        type: "tool_result",
        toolCallId: "toolu_01LZABsgreMefH2Go8D5PQbW",
        name: "final_result",
        content: unknownText("final_result"),
        isError: true,
      },
    ]);
    await response.resume(outputs);
    const messages = (fetch.requests[1].json as { messages: { content: unknown[] }[] }).messages;
    expect(messages.at(-1)?.content).toEqual([
      { type: "tool_result", tool_use_id: "toolu_01LZABsgreMefH2Go8D5PQbW", content: unknownText("final_result"), is_error: true },
    ]);
  });

  it("a call that defines no tools says so; throwOnError: true throws the UnknownToolError", async () => {
    const p = createScriptedProvider([{ toolCalls: [{ name: "nope", args: {} }] }]);
    const response = await p.call({ model: "m" }, () => "?")();
    expect(response.tool?.error?.message).toBe(
      'The model called the tool "nope", but this call defines no tools. Answer without calling a tool.',
    );
    const error = await response.executeTools({ throwOnError: true }).catch((e: unknown) => e);
    expect(error).toBe(response.tool?.error);
    expect((error as Error).name).toBe("UnknownToolError");
  });

  it("runTools sends the error result back and goes on to the answer", async () => {
    const fetch = createReplayFetch([{ body: fixtures["openai/chat_tool_call.json"] }, { body: fixtures["openai/chat_text.json"] }]);
    const call = openai.call({ model: "gpt-4o-mini", tools: [lookup, other], client: { apiKey: "k", fetch } }, () => "?");
    const result = await runTools(call, { maxSteps: 3 });
    expect(result.stoppedBy).toBe("done");
    expect(result.steps[0].outputs.map((o) => [o[0].name, o[1], (o[2] as Error).name])).toEqual([
      ["get_capital", unknownText("get_capital"), "UnknownToolError"],
    ]);
    const messages = (fetch.requests[1].json as { messages: unknown[] }).messages;
    expect(messages.at(-1)).toEqual({ role: "tool", tool_call_id: "call_SkEQ3ZGSJC8m6AvaIGNuuKdm", content: unknownText("get_capital") });
  });

  it("streaming: the stream yields the unknown tool with its error, and resume sends the result", async () => {
    const fetch = createReplayFetch([
      { body: fixtures["openai/chat_stream_tool_call.sse"] },
      { body: fixtures["openai/chat_stream_text.sse"] },
    ]);
    const stream = await openai.call(
      { model: "gpt-4o-mini", stream: true, tools: [lookup, other], client: { apiKey: "k", fetch } },
      () => "?",
    )();
    const seen: BaseTool[] = [];
    for await (const [, tool] of stream) if (tool) seen.push(tool);
    expect(seen).toHaveLength(1);
    expectUnknown(seen[0], stream.toolCalls[0].name);
    const outputs = await errorResults(stream, stream.toolCalls[0].name);
    const next = await stream.resume(outputs);
    for await (const _ of next) void _;
    const messages = (fetch.requests[1].json as { messages: unknown[] }).messages;
    expect(messages.at(-1)).toEqual({ role: "tool", tool_call_id: seen[0].id, content: unknownText(seen[0].name) });
  });
});

describe("the structured-output tool is not an unknown tool", () => {
  const City = z.object({ city: z.string(), country: z.string() }).meta({ title: "final_result" });

  it("Anthropic tool mode: the forced tool gives the value, and the response has no tools", async () => {
    const fetch = createReplayFetch(fixtureResponse(fixtures["anthropic/tool_use.json"]));
    const call = anthropic.call(
      { model: "claude-sonnet-4-5", responseModel: City, tools: [lookup], client: { fetch, apiKey: "k" } },
      () => "?",
    );
    const value = await call();
    expect(value).toEqual({ city: "Mexico City", country: "Mexico" });
    expect(responseOf(value)?.tools).toEqual([]);
  });

  it("OpenAI tool mode: the same, for the response-model function", async () => {
    const Capital = z.object({ country: z.string() }).meta({ title: "get_capital" });
    const fetch = createReplayFetch(fixtureResponse(fixtures["openai/chat_tool_call.json"]));
    const value = await openai.call(
      { model: "gpt-4o-mini", responseModel: Capital, structuredOutputMode: "tool", tools: [lookup], client: { fetch, apiKey: "k" } },
      () => "?",
    )();
    expect(value).toEqual({ country: "England" });
    expect(responseOf(value)?.tools).toEqual([]);
  });

  it("Anthropic streamed tool mode: the stream yields no tool for the response-model tool", async () => {
    const fetch = createReplayFetch(fixtureResponse(fixtures["anthropic/stream_tool_use_docs.sse"]));
    const Weather = z.object({ location: z.string(), unit: z.string() }).meta({ title: "get_weather" });
    const stream = await anthropic.call(
      { model: "claude-opus-4-1", stream: true, responseModel: Weather, tools: [lookup], client: { fetch, apiKey: "k" } },
      () => "?",
    )();
    for await (const _ of stream) void _;
    expect(stream.tools).toEqual([]);
    expect(await stream.final()).toEqual({ location: "San Francisco, CA", unit: "fahrenheit" });
  });
});
