// Runs the samples of docs/providers-bedrock.md verbatim against recorded Converse and
// ConverseStream responses (test/fixtures/bedrock/), and the Worker of examples/worker/bedrock.ts.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, messages, text } from "promptcall";
import { bedrock as realBedrock } from "promptcall/bedrock";
import { createReplayFetch, type ReplayFetch, type ReplayResponse } from "promptcall/testing";
import worker from "../../examples/worker/bedrock.ts";
import { binaryFixtures, fixtures } from "../fixtures/index.ts";

const KEYS = { region: "us-east-1", accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };

/** The provider with a client that answers from `fetch` and signs with example credentials; a call's own client fields win. */
function replayed(fetch: ReplayFetch): typeof realBedrock {
  const call = (o: any, fn: any) => realBedrock.call({ ...o, client: { fetch, ...KEYS, ...o.client } }, fn);
  return { ...realBedrock, call: call as typeof realBedrock.call };
}

const json = (name: string): ReplayResponse => ({
  body: fixtures[`bedrock/${name}.json`],
  headers: { "content-type": "application/json" },
});
const events = (name: string): ReplayResponse => ({
  body: Uint8Array.from(atob(binaryFixtures[`bedrock/${name}.eventstream`]), (c) => c.charCodeAt(0)),
  headers: { "content-type": "application/vnd.amazon.eventstream" },
  chunking: { seed: 3, maxChunkSize: 64 },
});

describe("docs/providers-bedrock.md", () => {
  it("a call and its response", async () => {
    const replay = createReplayFetch(json("converse_text_llama3_2_1b"));
    const bedrock = replayed(replay);

    const model = "anthropic.claude-3-5-haiku-20241022-v1:0";
    const recommendBook = bedrock.call({ model }, (genre: string) => `Recommend a ${genre} book`);
    const response = await recommendBook("fantasy"); // BedrockCallResponse
    response.content; // the text blocks, joined
    response.finishReasons; // ["end_turn"] — Converse's stopReason
    response.commonFinishReasons; // ["stop"]
    response.usage; // { inputTokens, outputTokens, cachedTokens, totalTokens }
    response.messageParam; // { role: "assistant", content: [...every block as received] }
    response.raw; // the Converse JSON

    expect(response.content).toMatch(/^Why did the OpenTelemetry trace go to therapy\?/);
    expect(response.finishReasons).toEqual(["end_turn"]);
    expect(response.commonFinishReasons).toEqual(["stop"]);
    expect(response.usage).toEqual({ inputTokens: 52, outputTokens: 30, cachedTokens: 0, totalTokens: 82 });
    expect(replay.requests[0].url).toBe(
      "https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse",
    );
  });

  it("client credentials from a Worker's bindings", async () => {
    const replay = createReplayFetch(json("converse_text_llama3_2_1b"));
    const bedrock = replayed(replay);
    const env = { AWS_ACCESS_KEY_ID: "AKIDWORKER", AWS_SECRET_ACCESS_KEY: "worker-secret", AWS_SESSION_TOKEN: "worker-token" };

    const call = bedrock.call(
      {
        model: "us.anthropic.claude-sonnet-4-20250514-v1:0",
        client: {
          region: "us-east-1",
          accessKeyId: env.AWS_ACCESS_KEY_ID,
          secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
          sessionToken: env.AWS_SESSION_TOKEN,
        },
      },
      () => "Hello",
    );

    await call();
    expect(replay.requests[0].headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDWORKER\/\d{8}\/us-east-1\/bedrock\/aws4_request/,
    );
    expect(replay.requests[0].headers["x-amz-security-token"]).toBe("worker-token");
  });

  it("tools and streams (recorded tool-use stream, then a recorded text stream for the resumed turn)", async () => {
    const replay = createReplayFetch([events("converse_stream_tool_use_claude3_sonnet"), events("converse_stream_text_nova_micro")]);
    const bedrock = replayed(replay);

    const fetchConcept = defineTool({
      name: "fetch_concept",
      description: "An expert explanation of a concept",
      parameters: z.object({ concept: z.string() }),
      call: async ({ concept }) => `${concept}: following one request across services.`,
    });
    const explain = bedrock.call(
      { model: "anthropic.claude-3-sonnet-20240229-v1:0", stream: true, tools: [fetchConcept] },
      (topic: string) => `Explain ${topic} in a simple way`,
    );
    const stream = await explain("distributed tracing");
    let text = "";
    for await (const [chunk, tool] of stream) {
      if (tool) console.log(`${tool.name}(${tool.args.concept})`);
      text += chunk.content;
    }
    stream.usage; // from the closing metadata event
    const outputs = await stream.executeTools();
    const next = await stream.resume(outputs); // toolResult blocks in one user message

    expect(text).toBe("Okay, let me use the tool to fetch an expert explanation for the concept of distributed tracing.");
    expect(stream.usage).toEqual({ inputTokens: 259, outputTokens: 64, cachedTokens: 0, totalTokens: 323 });
    expect(stream.tool?.args).toEqual({ concept: "distributed tracing" });
    const resumed = replay.requests[1].json as { messages: { role: string; content: Record<string, unknown>[] }[] };
    expect(resumed.messages.at(-2)?.content.at(-1)).toEqual({
      toolUse: { toolUseId: "tooluse_HA9wsJ32RhOvn8XgIUDpGA", name: "fetch_concept", input: { concept: "distributed tracing" } },
    });
    expect(resumed.messages.at(-1)).toEqual({
      role: "user",
      content: [
        {
          toolResult: {
            toolUseId: "tooluse_HA9wsJ32RhOvn8XgIUDpGA",
            content: [{ text: "distributed tracing: following one request across services." }],
          },
        },
      ],
    });
    let more = "";
    for await (const [chunk] of next) more += chunk.content;
    expect(more).toMatch(/^The capital of France is Paris\./);
  });

  it("reasoning (recorded Claude Sonnet 4 response with thinking)", async () => {
    const replay = createReplayFetch(json("converse_reasoning_claude_sonnet4"));
    const bedrock = replayed(replay);

    const think = bedrock.call(
      {
        model: "us.anthropic.claude-sonnet-4-20250514-v1:0",
        callParams: {
          inferenceConfig: { maxTokens: 2048 },
          additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 1024 } },
        },
      },
      (question: string) => question,
    );
    const answer = await think("How do I cross the street safely?");
    answer.thinking; // the reasoning text
    answer.content; // the answer

    expect(answer.thinking).toMatch(/^This is a straightforward question about crossing the street safely\./);
    expect(answer.content).toMatch(/^Here are the basic steps for crossing the street safely/);
    expect(replay.requests[0].json).toMatchObject({
      inferenceConfig: { maxTokens: 2048 },
      additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 1024 } },
    });
  });

  it("prompt caching (recorded cache-write response)", async () => {
    const replay = createReplayFetch(json("converse_cache_write_claude3_7_sonnet"));
    const bedrock = replayed(replay);

    const ask = bedrock.call({ model: "us.anthropic.claude-3-7-sonnet-20250219-v1:0" }, (manual: string, question: string) => [
      messages.system(text(manual, { cacheControl: { type: "ephemeral" } })),
      messages.user(question),
    ]);

    const response = await ask("Software architecture guidelines: …", "What is a service");
    expect(replay.requests[0].json).toMatchObject({
      system: [{ text: "Software architecture guidelines: …" }, { cachePoint: { type: "default" } }],
      messages: [{ role: "user", content: [{ text: "What is a service" }] }],
    });
    expect(response.usage).toEqual({ inputTokens: 1039, outputTokens: 264, cachedTokens: 0, cacheWriteTokens: 1028, totalTokens: 1303 });
  });

  it("the Worker of examples/worker/bedrock.ts streams the recorded reply as text, signed with its secrets", async () => {
    const replay = createReplayFetch(events("converse_stream_text_nova_micro"));
    const saved = globalThis.fetch;
    globalThis.fetch = replay as typeof globalThis.fetch; // the Worker uses the global fetch, as in production
    try {
      const env = { AWS_ACCESS_KEY_ID: "AKIDWORKER", AWS_SECRET_ACCESS_KEY: "worker-secret", AWS_REGION: "eu-west-1" };
      const request = new Request("https://chat.example.com/", {
        method: "POST",
        body: JSON.stringify({ message: "What is the capital of France?" }),
      });
      const response = await worker.fetch(request, env);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      expect(await response.text()).toBe(JSON.parse(fixtures["bedrock/converse_stream_text_nova_micro.expect.json"]).text);
      expect(replay.requests[0].url).toBe("https://bedrock-runtime.eu-west-1.amazonaws.com/model/amazon.nova-micro-v1%3A0/converse-stream");
      expect(replay.requests[0].headers.authorization).toContain("Credential=AKIDWORKER/");
      expect(replay.requests[0].json).toEqual({ messages: [{ role: "user", content: [{ text: "What is the capital of France?" }] }] });
    } finally {
      globalThis.fetch = saved;
    }
  });
});
