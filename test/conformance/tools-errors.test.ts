// Tool errors are results: a tool that throws, or a call with invalid arguments, comes back from
// executeTools() as [tool, text, error] and resume() sends it in each provider's own error form.
// Tool-call turns are recorded fixtures; the assertions read the next request's body.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, type ToolOutput } from "../../src/index.ts";
import { anthropic } from "../../src/providers/anthropic/index.ts";
import { bedrock } from "../../src/providers/bedrock/index.ts";
import { google } from "../../src/providers/google/index.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { createReplayFetch } from "../../src/testing/replay-fetch.ts";
import { createScriptedProvider } from "../../src/testing/index.ts";
import { toolOutputText } from "../../src/core/tools/common-messages.ts";
import { fixtures } from "../fixtures/index.ts";

const failing = (name: string) =>
  defineTool({
    name,
    description: "d",
    parameters: z.object({ city: z.string(), country: z.string() }),
    call: (): string => {
      throw new Error("service down");
    },
  });

describe("tool errors as results", () => {
  it("OpenAI Chat: a tool that throws goes back as a tool message that says it failed", async () => {
    const getCapital = defineTool({
      name: "get_capital",
      description: "d",
      parameters: z.object({ country: z.string() }),
      call: (): string => {
        throw new Error("service down");
      },
    });
    const fetch = createReplayFetch([{ body: fixtures["openai/chat_tool_call.json"] }, { body: fixtures["openai/chat_text.json"] }]);
    const response = await openai.call({ model: "gpt-4o-mini", tools: [getCapital], client: { apiKey: "k", fetch } }, () => "?")();
    const outputs = await response.executeTools();
    expect(outputs).toHaveLength(1);
    const [tool, text, error] = outputs[0];
    expect(tool.name).toBe("get_capital");
    expect((error as Error).message).toBe("service down");
    expect(text).toBe('Error: the tool "get_capital" failed: service down');
    await response.resume(outputs);
    const messages = (fetch.requests[1].json as { messages: unknown[] }).messages;
    expect(messages.at(-1)).toEqual({ role: "tool", tool_call_id: "call_SkEQ3ZGSJC8m6AvaIGNuuKdm", content: text });
  });

  it("OpenAI Chat: invalid arguments go back as an error result naming the schema issue", async () => {
    const getCapital = defineTool({ name: "get_capital", description: "d", parameters: z.object({ country: z.number() }), call: () => 1 });
    const fetch = createReplayFetch([{ body: fixtures["openai/chat_tool_call.json"] }, { body: fixtures["openai/chat_text.json"] }]);
    const response = await openai.call({ model: "gpt-4o-mini", tools: [getCapital], client: { apiKey: "k", fetch } }, () => "?")();
    const tool = response.tools[0];
    expect(tool.error?.name).toBe("ToolArgumentsError");
    expect(tool.args).toEqual({ country: "England" });
    const outputs = await response.executeTools();
    expect(outputs[0][2]).toBe(tool.error);
    expect(outputs[0][1]).toMatch(
      /^Error: Tool "get_capital" was called with arguments that do not match its schema: country: .+\. Call it again/,
    );
    await response.resume(outputs);
    const messages = (fetch.requests[1].json as { messages: { role: string; content: string }[] }).messages;
    expect(messages.at(-1)).toEqual({ role: "tool", tool_call_id: tool.id, content: outputs[0][1] });
  });

  it("OpenAI Responses: bytes go back as base64 and an error as a function_call_output", async () => {
    const secret = defineTool({
      name: "secret_retrieval_tool",
      description: "d",
      parameters: z.object({ password: z.string() }),
      call: ({ password }) => {
        if (password === "radiance") throw new Error("wrong password");
        return new Uint8Array([104, 105]);
      },
    });
    const body = fixtures["extra/openai/responses_parallel_function_calls.json"];
    const fetch = createReplayFetch([{ body }, { body }]);
    const response = await openai.call({ model: "gpt-4o", api: "responses", tools: [secret], client: { apiKey: "k", fetch } }, () => "?")();
    const outputs = await response.executeTools();
    expect(outputs.map((o) => o.length)).toEqual([2, 3]);
    await response.resume(outputs);
    const input = (fetch.requests[1].json as { input: { type: string }[] }).input.filter((i) => i.type === "function_call_output");
    expect(input).toEqual([
      { type: "function_call_output", call_id: "call_bzXaB1HDWsWy7n6bMrxJzNNa", output: "aGk=" },
      {
        type: "function_call_output",
        call_id: "call_Dd4wvykCr6NttXKxRK0BFH96",
        output: 'Error: the tool "secret_retrieval_tool" failed: wrong password',
      },
    ]);
  });

  it("Anthropic: an error result is a tool_result with is_error: true", async () => {
    const fetch = createReplayFetch([{ body: fixtures["anthropic/tool_use.json"] }, { body: fixtures["anthropic/text.json"] }]);
    const call = anthropic.call(
      { model: "claude-sonnet-4-5", tools: [failing("final_result")], client: { apiKey: "k", fetch } },
      () => "?",
    );
    const response = await call();
    await response.resume(await response.executeTools());
    const messages = (fetch.requests[1].json as { messages: { content: unknown }[] }).messages;
    expect(messages.at(-1)).toEqual({
      role: "user",
      content: [
        {
          type: "tool_result",
          tool_use_id: "toolu_01LZABsgreMefH2Go8D5PQbW",
          content: 'Error: the tool "final_result" failed: service down',
          is_error: true,
        },
      ],
    });
  });

  it("Gemini: an error result is a functionResponse with response.error", async () => {
    const fetch = createReplayFetch([
      { body: fixtures["gemini/generate_function_call.json"] },
      { body: fixtures["gemini/generate_text.json"] },
    ]);
    const response = await google.call(
      { model: "gemini-2.0-flash", tools: [failing("final_result")], client: { apiKey: "k", fetch } },
      () => "?",
    )();
    await response.resume(await response.executeTools());
    const contents = (fetch.requests[1].json as { contents: unknown[] }).contents;
    expect(contents.at(-1)).toEqual({
      role: "user",
      parts: [{ functionResponse: { name: "final_result", response: { error: 'Error: the tool "final_result" failed: service down' } } }],
    });
  });

  it("Bedrock: an error result is a toolResult with status: error", async () => {
    const concept = defineTool({
      name: "fetch_concept",
      description: "d",
      parameters: z.object({ concept: z.string() }),
      call: (): string => {
        throw new Error("service down");
      },
    });
    const body = fixtures["bedrock/converse_tool_use_claude3_sonnet.json"];
    const fetch = createReplayFetch([{ body }, { body: fixtures["bedrock/converse_text_llama3_2_1b.json"] }]);
    const client = { region: "us-east-1", accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", fetch };
    const response = await bedrock.call({ model: "anthropic.claude-3-sonnet-20240229-v1:0", tools: [concept], client }, () => "?")();
    await response.resume(await response.executeTools());
    const messages = (fetch.requests[1].json as { messages: unknown[] }).messages;
    expect(messages.at(-1)).toEqual({
      role: "user",
      content: [
        {
          toolResult: {
            toolUseId: "tooluse_iPA5tRLlQ5qSvfeYGeQVPg",
            content: [{ text: 'Error: the tool "fetch_concept" failed: service down' }],
            status: "error",
          },
        },
      ],
    });
  });

  it("provider-neutral messages (llm, scripted) mark the result isError", async () => {
    const p = createScriptedProvider([{ toolCalls: [{ name: "final_result", args: { city: "Oslo", country: "Norway" } }] }]);
    const response = await p.call({ model: "m", tools: [failing("final_result")] }, () => "?")();
    const [message] = response.commonToolMessageParams(await response.executeTools());
    expect(message.content).toEqual([
      {
        type: "tool_result",
        toolCallId: response.tools[0].id,
        name: "final_result",
        content: 'Error: the tool "final_result" failed: service down',
        isError: true,
      },
    ]);
  });

  it("throwOnError: true rethrows a tool's error and a ToolArgumentsError", async () => {
    const p = createScriptedProvider([{ toolCalls: [{ name: "final_result", args: { city: "Oslo", country: "Norway" } }] }]);
    const response = await p.call({ model: "m", tools: [failing("final_result")] }, () => "?")();
    await expect(response.executeTools({ throwOnError: true })).rejects.toThrow("service down");
    const bad = createScriptedProvider([{ toolCalls: [{ name: "final_result", args: "{not json" }] }]);
    const badResponse = await bad.call({ model: "m", tools: [failing("final_result")] }, () => "?")();
    const error = await badResponse.executeTools({ throwOnError: true }).catch((e: unknown) => e);
    expect((error as Error).name).toBe("ToolArgumentsError");
    const [result] = await badResponse.executeTools();
    expect(result[1]).toMatch(
      /^Error: Tool "final_result" was called with arguments that are not valid JSON: call it again with a JSON object/,
    );
  });

  it("a streamed call with invalid arguments yields the tool (with error) instead of throwing", async () => {
    const getCapital = defineTool({ name: "get_capital", description: "d", parameters: z.object({ country: z.number() }), call: () => 1 });
    const fetch = createReplayFetch({ body: fixtures["openai/chat_stream_tool_call.sse"] });
    const stream = await openai.call(
      { model: "gpt-4o-mini", stream: true, tools: [getCapital], client: { apiKey: "k", fetch } },
      () => "?",
    )();
    const seen: unknown[] = [];
    for await (const [, tool] of stream) if (tool) seen.push(tool.error?.name);
    expect(seen).toEqual(["ToolArgumentsError"]);
    const outputs: ToolOutput[] = await stream.executeTools();
    expect(outputs[0]).toHaveLength(3);
  });

  it("outputs are serialised: strings as they are, bytes as base64 (also inside objects), objects as JSON", () => {
    expect(toolOutputText("plain")).toBe("plain");
    expect(toolOutputText(new Uint8Array([1, 2, 3]))).toBe("AQID");
    expect(toolOutputText({ image: new Uint8Array([255]), n: 1 })).toBe('{"image":"/w==","n":1}');
    expect(toolOutputText(undefined)).toBe("");
    expect(toolOutputText(42)).toBe("42");
  });
});
