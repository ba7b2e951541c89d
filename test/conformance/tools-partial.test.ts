// Partial tools (`stream: { partialTools: true }`) on recorded streams: partial tools as argument
// text arrives (OpenAI Chat parallel calls by index, OpenAI Responses, Anthropic input_json_delta),
// then the complete validated tool; Gemini sends arguments whole, so only complete tools come.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool } from "../../src/index.ts";
import { anthropic } from "../../src/providers/anthropic/index.ts";
import { bedrock } from "../../src/providers/bedrock/index.ts";
import { google } from "../../src/providers/google/index.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { createReplayFetch } from "../../src/testing/replay-fetch.ts";
import { binaryFixtures, fixtures } from "../fixtures/index.ts";

const secret = defineTool({
  name: "secret_retrieval_tool",
  description: "d",
  parameters: z.object({ password: z.string() }),
  call: ({ password }) => password.length,
});
const weather = defineTool({
  name: "get_weather",
  description: "d",
  parameters: z.object({ location: z.string(), unit: z.enum(["celsius", "fahrenheit"]) }),
  call: () => 1,
});

type Seen = { partial: boolean; id: string; delta?: string; args: unknown };

/** Every tool a stream yields, partial or complete, with a snapshot of its args. */
async function collect(stream: AsyncIterable<readonly [unknown, unknown]>): Promise<Seen[]> {
  const seen: Seen[] = [];
  for await (const [, tool] of stream) {
    if (!tool) continue;
    const t = tool as { partial: boolean; id: string; delta?: string; args: unknown };
    seen.push({ partial: t.partial, id: t.id, delta: t.delta, args: structuredClone(t.args) });
  }
  return seen;
}

describe("partial tools", () => {
  it("OpenAI Chat: parallel calls stream partial tools by index, then each complete tool", async () => {
    const fetch = createReplayFetch({ body: fixtures["extra/openai/chat_stream_parallel_tool_calls_no_usage.sse"] });
    const call = openai.call(
      { model: "gpt-4o", stream: { partialTools: true }, tools: [secret], client: { apiKey: "k", fetch } },
      () => "?",
    );
    const stream = await call();
    const seen = await collect(stream);
    const ids = ["call_5w7ura5ZTZ1PxnvpB9XQZx01", "call_WWinJReYt5aa8tgxDie8ojP1"];
    for (const [i, id] of ids.entries()) {
      const partials = seen.filter((s) => s.partial && s.id === id);
      expect(partials.length).toBeGreaterThan(2);
      expect(partials.map((p) => p.delta).join("")).toBe(i === 0 ? '{"password": "mellon"}' : '{"password": "radiance"}');
      expect(partials.at(-1)?.args).toEqual({ password: i === 0 ? "mellon" : "radiance" });
    }
    const complete = seen.filter((s) => !s.partial);
    expect(complete.map((s) => [s.id, s.args])).toEqual([
      [ids[0], { password: "mellon" }],
      [ids[1], { password: "radiance" }],
    ]);
    // Deep-partial args only grow: the password is seen while it is being written.
    expect(
      seen.some(
        (s) =>
          s.partial &&
          typeof (s.args as { password?: string }).password === "string" &&
          (s.args as { password: string }).password.length < 6,
      ),
    ).toBe(true);
    expect(stream.tools.map((t) => t.partial)).toEqual([false, false]);
  });

  it("OpenAI Responses: partial tools from response.function_call_arguments.delta", async () => {
    const fetch = createReplayFetch({ body: fixtures["extra/openai/responses_stream_parallel_function_calls.sse"] });
    const stream = await openai.call(
      { model: "gpt-4o", api: "responses", stream: { partialTools: true }, tools: [secret], client: { apiKey: "k", fetch } },
      () => "?",
    )();
    const seen = await collect(stream);
    const partials = seen.filter((s) => s.partial && s.id === "call_OdR3s3xop0vtgkDyWRMLafuH");
    expect(partials.map((p) => p.delta).join("")).toBe('{"password":"radiance"}');
    expect(partials.at(-1)?.args).toEqual({ password: "radiance" });
    expect(seen.filter((s) => !s.partial).map((s) => s.args)).toEqual([{ password: "mellon" }, { password: "radiance" }]);
  });

  it("Anthropic: partial tools from input_json_delta, then the complete tool", async () => {
    const fetch = createReplayFetch({ body: fixtures["anthropic/stream_tool_use_docs.sse"] });
    const stream = await anthropic.call(
      { model: "claude-opus-4-1", stream: { partialTools: true }, tools: [weather], client: { apiKey: "k", fetch } },
      () => "?",
    )();
    const seen = await collect(stream);
    const partials = seen.filter((s) => s.partial);
    expect(partials[0]).toMatchObject({ id: "toolu_01T1x1fJ34qAmk2tNTrN7Up6", delta: "", args: {} });
    expect(partials.map((p) => p.delta).join("")).toBe('{"location": "San Francisco, CA", "unit": "fahrenheit"}');
    expect(
      partials.some((p) => (p.args as { location?: string }).location === "San Francisco, CA" && !("unit" in (p.args as object))),
    ).toBe(true);
    expect(seen.filter((s) => !s.partial)).toEqual([
      {
        partial: false,
        id: "toolu_01T1x1fJ34qAmk2tNTrN7Up6",
        delta: undefined,
        args: { location: "San Francisco, CA", unit: "fahrenheit" },
      },
    ]);
    expect(stream.content).toBe("Okay, let's check the weather for San Francisco, CA:");
  });

  it("Bedrock: partial tools from contentBlockStart and toolUse.input deltas", async () => {
    const concept = defineTool({ name: "fetch_concept", description: "d", parameters: z.object({ concept: z.string() }), call: () => 1 });
    const name = "converse_stream_tool_use_claude3_sonnet";
    const body = Uint8Array.from(atob(binaryFixtures[`bedrock/${name}.eventstream`]), (c) => c.charCodeAt(0));
    const fetch = createReplayFetch({ body, headers: { "content-type": "application/vnd.amazon.eventstream" } });
    const client = { region: "us-east-1", accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", fetch };
    const model = "anthropic.claude-3-sonnet-20240229-v1:0";
    const stream = await bedrock.call({ model, stream: { partialTools: true }, tools: [concept], client }, () => "?")();
    const seen = await collect(stream);
    const partials = seen.filter((s) => s.partial);
    expect(partials[0]).toMatchObject({ id: "tooluse_HA9wsJ32RhOvn8XgIUDpGA", delta: "", args: {} });
    expect(partials.map((p) => p.delta).join("")).toBe('{"concept": "distributed tracing"}');
    expect(seen.filter((s) => !s.partial).map((s) => s.args)).toEqual([{ concept: "distributed tracing" }]);
  });

  it("Gemini sends arguments whole: only the complete tool is yielded", async () => {
    const country = defineTool({ name: "get_country", description: "d", parameters: z.object({}), call: () => "France" });
    const fetch = createReplayFetch({ body: fixtures["extra/gemini/stream_function_call_thought_signature.sse"] });
    const stream = await google.call(
      { model: "gemini-3-pro-preview", stream: { partialTools: true }, tools: [country], client: { apiKey: "k", fetch } },
      () => "?",
    )();
    const seen = await collect(stream);
    expect(seen.map((s) => s.partial)).toEqual([false]);
  });

  it("without partialTools nothing partial is yielded (the per-chunk path is the plain one)", async () => {
    const fetch = createReplayFetch({ body: fixtures["anthropic/stream_tool_use_docs.sse"] });
    const stream = await anthropic.call(
      { model: "claude-opus-4-1", stream: true, tools: [weather], client: { apiKey: "k", fetch } },
      () => "?",
    )();
    expect((await collect(stream)).map((s) => s.partial)).toEqual([false]);
  });
});
