// End to end: a model (recorded OpenAI responses, its tool calls renamed to the MCP server's tools)
// calls the tools of the official SDK's MCP server (test/support/mcp-server.mjs); the client runs
// them against the server and the call resumes. Also runs the samples of docs/mcp.md verbatim.
import { describe, expect, inject, it } from "vitest";
import { McpError } from "promptcall";
import { anthropic as realAnthropic } from "promptcall/anthropic";
import { connectMcp } from "promptcall/mcp";
import { openai as realOpenai } from "promptcall/openai";
import { createReplayFetch } from "promptcall/testing";
import { fixtures } from "../fixtures/index.ts";
import { replayed } from "./support/docs-support.ts";

const origin = inject("mcpUrl");

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

/** The `role: "tool"` messages of the request that resumed the call. */
function toolMessages(request: { json: unknown }): unknown[] {
  return (request.json as { messages: { role: string }[] }).messages.filter((m) => m.role === "tool");
}

describe("docs/mcp.md", () => {
  it("gives a model the server's tools, runs its calls on the server and resumes", async () => {
    const replay = createReplayFetch([
      {
        body: toolCallTurn([
          { name: "get_weather", args: { city: "Paris" } },
          { name: "get_forecast", args: { city: "Paris", days: 2 } },
        ]),
      },
      { body: fixtures["openai/chat_text.json"] },
    ]);
    const openai = replayed(realOpenai, replay);
    const url = `${origin}/mcp-session`;
    const token = "test-token";
    const logged: unknown[] = [];
    const console = { log: (value: unknown) => logged.push(value) };

    const mcp = await connectMcp(url, { headers: { authorization: `Bearer ${token}` } });
    const tools = await mcp.tools(); // defineTool tools whose call() calls the server

    const ask = openai.call({ model: "gpt-4o-mini", tools }, (q: string) => q);
    let response = await ask("What's the weather in Paris?");
    while (response.tools.length > 0) {
      response = await response.resume(await response.executeTools());
    }
    console.log(response.content);
    await mcp.close(); // ends the session (HTTP DELETE with its id)

    expect(logged).toEqual([response.content]);
    expect(response.content).toMatch(/Galaxy Day/);
    const sent = replay.requests[0].json as { tools: { function: { name: string; parameters: unknown } }[] };
    expect(sent.tools.map((t) => t.function.name)).toEqual([
      "get_weather",
      "render_chart",
      "get_forecast",
      "lookup_order",
      "log_then_answer",
      "ping_client",
      "wait",
    ]);
    expect(sent.tools[0].function.parameters).toEqual({
      type: "object",
      properties: { city: { type: "string", description: "City name" } },
      required: ["city"],
    });
    const forecast = { city: "Paris", highs: [21, 19] };
    expect(toolMessages(replay.requests[1])).toEqual([
      { role: "tool", tool_call_id: "call_1", content: JSON.stringify({ content: [{ type: "text", text: "Sunny in Paris, 21 °C" }] }) },
      {
        role: "tool",
        tool_call_id: "call_2",
        content: JSON.stringify({ content: [{ type: "text", text: JSON.stringify(forecast) }], structuredContent: forecast }),
      },
    ]);
  });

  it("sends a tool that ran and failed back to the model as an error result it can repair", async () => {
    const failure = 'Error: the tool "lookup_order" failed: No order with id 42: ids look like ORD-123.';
    const replay = createReplayFetch([
      { body: toolCallTurn([{ name: "lookup_order", args: { id: "42" } }]) },
      { body: fixtures["openai/chat_text.json"] },
    ]);
    const openai = replayed(realOpenai, replay);
    const mcp = await connectMcp(`${origin}/mcp`);
    const ask = openai.call({ model: "gpt-4o-mini", tools: await mcp.tools() }, (q: string) => q);
    const first = await ask("Where is order 42?");
    const outputs = await first.executeTools();
    expect(outputs[0]).toHaveLength(3); // [tool, text, error]: an error result
    expect(McpError.isInstance(outputs[0][2])).toBe(true);
    await first.resume(outputs);
    expect(toolMessages(replay.requests[1])).toEqual([{ role: "tool", tool_call_id: "call_1", content: failure }]);

    // Anthropic marks it with is_error.
    const body = JSON.parse(fixtures["anthropic/tool_use.json"]);
    body.content = [{ type: "tool_use", id: "toolu_1", name: "lookup_order", input: { id: "42" } }];
    const anthropicReplay = createReplayFetch([{ body: JSON.stringify(body) }, { body: fixtures["anthropic/text.json"] }]);
    const anthropic = replayed(realAnthropic, anthropicReplay);
    const askClaude = anthropic.call({ model: "claude-sonnet-4-5", tools: await mcp.tools() }, (q: string) => q);
    const turn = await askClaude("Where is order 42?");
    await turn.resume(await turn.executeTools());
    const messages = (anthropicReplay.requests[1].json as { messages: { role: string; content: unknown }[] }).messages;
    expect(messages.at(-1)).toEqual({
      role: "user",
      content: [{ type: "tool_result", tool_use_id: "toolu_1", content: failure, is_error: true }],
    });
  });

  it("shows a result's parts", async () => {
    const mcp = await connectMcp(`${origin}/mcp`);
    const logged: unknown[] = [];
    const console = { log: (value: unknown) => logged.push(value) };

    const result = await mcp.callTool("render_chart", { title: "Sales" });
    console.log(result.isError); // true when the tool ran and failed: the text says why
    console.log(result.text); // the text items, joined with newlines
    console.log(result.content); // text parts, image and audio parts with their bytes in `data`
    console.log(result.structuredContent); // the structured result, when the tool has one

    expect(logged[0]).toBe(false);
    expect(logged[1]).toBe("Chart: Sales");
    expect(logged[2]).toEqual([
      { type: "text", text: "Chart: Sales" },
      { type: "image", mediaType: "image/png", data: expect.any(Uint8Array) },
    ]);
    expect(logged[3]).toBeUndefined();
  });

  it("runs the Worker sample: a model with a remote MCP server's tools", async () => {
    const replay = createReplayFetch([
      { body: toolCallTurn([{ name: "get_weather", args: { city: "Oslo" } }]) },
      { body: fixtures["openai/chat_text.json"] },
    ]);
    const openai = replayed(realOpenai, replay);
    interface Env {
      OPENAI_API_KEY: string;
      MCP_URL: string;
      MCP_TOKEN: string;
    }

    const worker = {
      async fetch(request: Request, env: Env): Promise<Response> {
        const mcp = await connectMcp(env.MCP_URL, { headers: { authorization: `Bearer ${env.MCP_TOKEN}` } });
        try {
          const tools = await mcp.tools();
          const ask = openai.call({ model: "gpt-4o-mini", tools, client: { apiKey: env.OPENAI_API_KEY } }, (q: string) => q);
          let response = await ask(await request.text());
          while (response.tools.length > 0) {
            response = await response.resume(await response.executeTools());
          }
          return new Response(response.content);
        } finally {
          await mcp.close();
        }
      },
    };

    const env = { OPENAI_API_KEY: "sk-worker", MCP_URL: `${origin}/mcp-session`, MCP_TOKEN: "t0ken-worker" };
    const answer = await worker.fetch(new Request("https://app.example/ask", { method: "POST", body: "Weather in Oslo?" }), env);
    expect(await answer.text()).toMatch(/Galaxy Day/);
    expect(replay.requests[0].headers.authorization).toBe("Bearer sk-worker");
    expect(toolMessages(replay.requests[1])).toEqual([
      { role: "tool", tool_call_id: "call_1", content: JSON.stringify({ content: [{ type: "text", text: "Sunny in Oslo, 21 °C" }] }) },
    ]);
  });
});
