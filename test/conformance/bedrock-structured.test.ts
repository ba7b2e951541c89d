// responseModel and jsonMode with the Bedrock provider: a forced tool ("tool" mode, the default, as
// Anthropic does) read from the recorded tool-use responses, and JSON mode's instruction.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { bedrock } from "../../src/providers/bedrock/index.ts";
import { JSON_MODE_INSTRUCTION } from "../../src/providers/bedrock/setup-call.ts";
import { createReplayFetch } from "../../src/testing/replay-fetch.ts";
import { binaryFixtures, fixtures } from "../fixtures/index.ts";

// The recorded responses call a tool named fetch_concept with { concept }: the schema takes that name.
const Concept = z.object({ concept: z.string() }).meta({ title: "fetch_concept" });
const MODEL = "anthropic.claude-3-sonnet-20240229-v1:0";
const client = { region: "us-east-1", accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" };

describe("bedrock responseModel via a forced tool", () => {
  it("sends the schema as a toolSpec forced by toolChoice and returns the validated input (recorded Converse)", async () => {
    const fetch = createReplayFetch({
      body: fixtures["bedrock/converse_tool_use_claude3_sonnet.json"],
      headers: { "content-type": "application/json" },
    });
    const value = await bedrock.call({ model: MODEL, responseModel: Concept, client: { ...client, fetch } }, () => "Explain tracing")();
    expect(value).toEqual({ concept: "distributed tracing" });
    const body = fetch.requests[0].json as {
      toolConfig: { tools: { toolSpec: { name: string; inputSchema: { json: unknown } } }[]; toolChoice: unknown };
    };
    expect(body.toolConfig.toolChoice).toEqual({ tool: { name: "fetch_concept" } });
    expect(body.toolConfig.tools[0].toolSpec.name).toBe("fetch_concept");
    expect(body.toolConfig.tools[0].toolSpec.inputSchema.json).toMatchObject({
      type: "object",
      properties: { concept: { type: "string" } },
    });
  });

  it("streams partial objects from the tool input deltas and validates the final value (recorded ConverseStream)", async () => {
    const bytes = Uint8Array.from(atob(binaryFixtures["bedrock/converse_stream_tool_use_claude3_sonnet.eventstream"]), (c) =>
      c.charCodeAt(0),
    );
    const fetch = createReplayFetch({
      body: bytes,
      headers: { "content-type": "application/vnd.amazon.eventstream" },
      chunking: { seed: 5, maxChunkSize: 40 },
    });
    const stream = await bedrock.call(
      { model: MODEL, stream: true, responseModel: Concept, client: { ...client, fetch } },
      () => "Explain tracing",
    )();
    const partials: unknown[] = [];
    for await (const partial of stream) partials.push(structuredClone(partial));
    expect(partials.at(-1)).toEqual({ concept: "distributed tracing" });
    expect(partials).toContainEqual({ concept: "distri" });
    expect(await stream.final()).toEqual({ concept: "distributed tracing" });
  });

  it("with extended thinking the tool is not forced: toolChoice auto plus an instruction", async () => {
    const fetch = createReplayFetch({
      body: fixtures["bedrock/converse_tool_use_claude3_sonnet.json"],
      headers: { "content-type": "application/json" },
    });
    const callParams = { additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 1024 } } };
    await bedrock.call({ model: MODEL, responseModel: Concept, callParams, client: { ...client, fetch } }, () => "Explain tracing")();
    const body = fetch.requests[0].json as { toolConfig: { toolChoice: unknown }; system: { text: string }[] };
    expect(body.toolConfig.toolChoice).toEqual({ auto: {} });
    expect(body.system.at(-1)?.text).toContain("calling the `fetch_concept` tool");
  });

  it("jsonMode adds the JSON instruction to system", async () => {
    const fetch = createReplayFetch({
      body: fixtures["bedrock/converse_text_llama3_2_1b.json"],
      headers: { "content-type": "application/json" },
    });
    await bedrock.call({ model: MODEL, jsonMode: true, client: { ...client, fetch } }, () => [
      { role: "system", content: "Be brief." },
      { role: "user", content: "A joke as JSON" },
    ])();
    expect((fetch.requests[0].json as { system: unknown }).system).toEqual([{ text: "Be brief." }, { text: JSON_MODE_INSTRUCTION }]);
  });
});
