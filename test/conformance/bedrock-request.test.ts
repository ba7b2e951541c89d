// Request URLs, headers and bodies of the Bedrock provider match the Converse API reference
// (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html and its
// ContentBlock, ToolConfiguration, CachePointBlock types): system, merged messages, tools and tool
// results, images, documents, cache points, reasoning round trips, call params; SigV4 over the exact
// body sent, API keys, proxy endpoints and credentials from the environment.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool } from "../../src/core/tools/tool.ts";
import { AuthenticationError } from "../../src/errors/authentication-error.ts";
import { PromptcallError } from "../../src/errors/promptcall-error.ts";
import { bedrock, type BedrockClientOptions, resolveBedrockClient } from "../../src/providers/bedrock/index.ts";
import { createReplayFetch, type RecordedRequest } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";

const TEXT = fixtures["bedrock/converse_text_llama3_2_1b.json"];
const REASONING = fixtures["bedrock/converse_reasoning_claude_sonnet4.json"];
const MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0";
const KEYS = { region: "us-west-2", accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 255, 254, 253]);

type Sent = RecordedRequest & { json: Record<string, any> };

/** Makes one non-streaming call against a recorded Converse response and returns the request it sent. */
async function send(
  prompt: unknown,
  options: { callParams?: Record<string, unknown>; tools?: any[]; client?: BedrockClientOptions; body?: string } = {},
): Promise<Sent> {
  const fetch = createReplayFetch({ body: options.body ?? TEXT, headers: { "content-type": "application/json" } });
  const call = bedrock.call(
    { model: MODEL, callParams: options.callParams as never, tools: options.tools, client: { ...KEYS, fetch, ...options.client } },
    () => prompt as never,
  );
  await call();
  return fetch.requests[0] as Sent;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const getWeather = defineTool({
  name: "get_weather",
  description: "Current weather for a city",
  parameters: z.object({ city: z.string() }),
  call: async ({ city }) => ({ city, tempC: 21 }),
});

describe("bedrock URL, signature and credentials", () => {
  it("posts to /model/{encoded model id}/converse, signed with SigV4 over the exact body sent", async () => {
    const req = await send("Hi");
    expect(req.method).toBe("POST");
    expect(req.url).toBe("https://bedrock-runtime.us-west-2.amazonaws.com/model/anthropic.claude-3-5-haiku-20241022-v1%3A0/converse");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-west-2\/bedrock\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    expect(req.headers["x-amz-content-sha256"]).toBe(await sha256Hex(req.body));
    expect(req.headers["x-amz-date"]).toMatch(/^\d{8}T\d{6}Z$/);
    expect(req.json).toEqual({ messages: [{ role: "user", content: [{ text: "Hi" }] }] });
  });

  it("a session token is sent and signed; an API key is a bearer token instead of a signature", async () => {
    const temp = await send("Hi", { client: { sessionToken: "FwoGZXIvYXdzEXAMPLE" } });
    expect(temp.headers["x-amz-security-token"]).toBe("FwoGZXIvYXdzEXAMPLE");
    expect(temp.headers.authorization).toContain("x-amz-security-token");
    const keyed = await send("Hi", { client: { accessKeyId: undefined, secretAccessKey: undefined, apiKey: "bedrock-api-key-example" } });
    expect(keyed.headers.authorization).toBe("Bearer bedrock-api-key-example");
    expect(keyed.headers["x-amz-date"]).toBeUndefined();
  });

  it("an endpoint replaces the host (its region is read from it); a proxy endpoint without credentials is sent unsigned", async () => {
    const vpc = await send("Hi", { client: { region: undefined, endpoint: "https://bedrock-runtime.eu-central-1.amazonaws.com/" } });
    expect(vpc.url).toBe(`https://bedrock-runtime.eu-central-1.amazonaws.com/model/${encodeURIComponent(MODEL)}/converse`);
    expect(vpc.headers.authorization).toContain("/eu-central-1/bedrock/aws4_request");
    const proxy = await send("Hi", {
      client: { accessKeyId: undefined, secretAccessKey: undefined, endpoint: "https://proxy.example.com/aws" },
    });
    expect(proxy.url).toBe(`https://proxy.example.com/aws/model/${encodeURIComponent(MODEL)}/converse`);
    expect(proxy.headers.authorization).toBeUndefined();
  });

  it("credentials, token and region come from the environment when the options leave them out", async () => {
    const env: Record<string, string> = {
      AWS_ACCESS_KEY_ID: "AKIDENV",
      AWS_SECRET_ACCESS_KEY: "secret-from-env",
      AWS_SESSION_TOKEN: "token-from-env",
      AWS_REGION: "ap-south-1",
    };
    const host = globalThis as unknown as { process?: { env?: Record<string, string | undefined> } };
    const saved = host.process;
    // Stand in for Node's process.env in every runtime (readEnv reads globalThis.process first).
    Object.defineProperty(globalThis, "process", {
      value: { ...saved, env: { ...saved?.env, ...env } },
      configurable: true,
      writable: true,
    });
    try {
      const client = await resolveBedrockClient({});
      expect(client).toMatchObject({
        endpoint: "https://bedrock-runtime.ap-south-1.amazonaws.com",
        region: "ap-south-1",
        credentials: { accessKeyId: "AKIDENV", secretAccessKey: "secret-from-env", sessionToken: "token-from-env" },
      });
      expect(client.secrets).toEqual(["secret-from-env", "token-from-env"]);
      // Options win, and credentials are never mixed from two places.
      const mixed = await resolveBedrockClient({ accessKeyId: "AKIDOPT", secretAccessKey: "secret-opt", region: "us-east-2" });
      expect(mixed.credentials).toEqual({ accessKeyId: "AKIDOPT", secretAccessKey: "secret-opt", sessionToken: undefined });
      expect(mixed.region).toBe("us-east-2");
    } finally {
      Object.defineProperty(globalThis, "process", { value: saved, configurable: true, writable: true });
    }
  });

  it("without credentials: AuthenticationError before any request; without a region: a PromptcallError", async () => {
    const fetch = createReplayFetch([]);
    const noKeys = bedrock.call({ model: MODEL, client: { region: "us-east-1", fetch } }, () => "Hi");
    const error = await noKeys().catch((e: unknown) => e);
    // An environment may hold real credentials; then the call would sign with them and reach the fetch.
    if (fetch.requests.length === 0) {
      expect(AuthenticationError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(/No AWS credentials for Bedrock.*AWS_ACCESS_KEY_ID/);
    }
    const noRegion = bedrock.call({ model: MODEL, client: { accessKeyId: "AKID", secretAccessKey: "s", fetch } }, () => "Hi");
    const regionError = await noRegion().catch((e: unknown) => e);
    if (fetch.requests.length === 0) {
      expect(PromptcallError.isInstance(regionError)).toBe(true);
      expect((regionError as Error).message).toMatch(/No AWS region for Bedrock/);
    }
  });
});

describe("bedrock request body", () => {
  it("system messages become system blocks; text turns content blocks; call params go through as named", async () => {
    const req = await send(
      [
        { role: "system", content: "You are a librarian." },
        { role: "user", content: "Recommend a book" },
        { role: "assistant", content: "Dune." },
        { role: "user", content: "Another?" },
      ],
      {
        callParams: {
          inferenceConfig: { maxTokens: 500, temperature: 0.2, stopSequences: ["END"] },
          additionalModelRequestFields: { top_k: 5 },
        },
      },
    );
    expect(req.json).toEqual({
      system: [{ text: "You are a librarian." }],
      messages: [
        { role: "user", content: [{ text: "Recommend a book" }] },
        { role: "assistant", content: [{ text: "Dune." }] },
        { role: "user", content: [{ text: "Another?" }] },
      ],
      inferenceConfig: { maxTokens: 500, temperature: 0.2, stopSequences: ["END"] },
      additionalModelRequestFields: { top_k: 5 },
    });
  });

  it("cacheControl on a text part adds a cache point after it, in system and messages; a cached tool is followed by one", async () => {
    const req = await send(
      [
        { role: "system", content: [{ type: "text", text: "Long manual", cacheControl: { type: "ephemeral" } }] },
        {
          role: "user",
          content: [
            { type: "text", text: "Long document", cacheControl: { type: "ephemeral" } },
            { type: "text", text: "Question" },
          ],
        },
      ],
      { tools: [{ ...getWeather, providerOptions: { cacheControl: { type: "ephemeral" } } }] },
    );
    expect(req.json.system).toEqual([{ text: "Long manual" }, { cachePoint: { type: "default" } }]);
    expect(req.json.messages[0].content).toEqual([{ text: "Long document" }, { cachePoint: { type: "default" } }, { text: "Question" }]);
    expect(req.json.toolConfig.tools[1]).toEqual({ cachePoint: { type: "default" } });
  });

  it("tools become toolConfig toolSpecs; toolChoice and native tools go into toolConfig", async () => {
    const req = await send("Weather in Paris?", { tools: [getWeather], callParams: { toolChoice: { any: {} } } });
    expect(req.json.toolConfig).toEqual({
      tools: [
        {
          toolSpec: {
            name: "get_weather",
            description: "Current weather for a city",
            inputSchema: {
              json: expect.objectContaining({ type: "object", properties: { city: { type: "string" } }, required: ["city"] }),
            },
          },
        },
      ],
      toolChoice: { any: {} },
    });
  });

  it("a tool loop sends toolUse back and the results as one user message of toolResult blocks (errors marked)", async () => {
    const req = await send([
      { role: "user", content: "Weather in Paris and Rome?" },
      {
        role: "assistant",
        content: [
          { type: "text", text: "Checking." },
          { type: "tool_call", id: "tooluse_1", name: "get_weather", args: { city: "Paris" } },
          { type: "tool_call", id: "tooluse_2", name: "get_weather", args: { city: "Rome" } },
        ],
      },
      { role: "tool", content: [{ type: "tool_result", toolCallId: "tooluse_1", name: "get_weather", content: '{"tempC":21}' }] },
      { role: "tool", content: [{ type: "tool_result", toolCallId: "tooluse_2", name: "get_weather", content: "boom", isError: true }] },
    ]);
    expect(req.json.messages).toEqual([
      { role: "user", content: [{ text: "Weather in Paris and Rome?" }] },
      {
        role: "assistant",
        content: [
          { text: "Checking." },
          { toolUse: { toolUseId: "tooluse_1", name: "get_weather", input: { city: "Paris" } } },
          { toolUse: { toolUseId: "tooluse_2", name: "get_weather", input: { city: "Rome" } } },
        ],
      },
      {
        role: "user",
        content: [
          { toolResult: { toolUseId: "tooluse_1", content: [{ text: '{"tempC":21}' }] } },
          { toolResult: { toolUseId: "tooluse_2", content: [{ text: "boom" }], status: "error" } },
        ],
      },
    ]);
  });

  it("images become image blocks with format and base64 bytes; s3:// URLs an S3 location; web URLs a clear error", async () => {
    const req = await send([
      {
        role: "user",
        content: [
          { type: "image", mediaType: "image/png", data: PNG },
          { type: "image", mediaType: "image/jpeg", url: "s3://bucket/cat.jpg" },
        ],
      },
    ]);
    expect(req.json.messages[0].content).toEqual([
      { image: { format: "png", source: { bytes: "iVBORw0KGgoAAAAN//79" } } },
      { image: { format: "jpeg", source: { s3Location: { uri: "s3://bucket/cat.jpg" } } } },
    ]);
    const web = send([{ role: "user", content: [{ type: "image", mediaType: "image/png", url: "https://example.com/cat.png" }] }]);
    await expect(web).rejects.toThrow(/bytes \(`data`\) or an s3:\/\/ URL/);
  });

  it("documents become document blocks with a format and a name Bedrock accepts", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.4\n");
    const req = await send([
      {
        role: "user",
        content: [
          { type: "document", mediaType: "application/pdf", data: pdf, name: "report_2024.v2.pdf" },
          { type: "document", mediaType: "text/markdown", data: new TextEncoder().encode("# Notes") },
          { type: "text", text: "Summarise" },
        ],
      },
    ]);
    expect(req.json.messages[0].content).toEqual([
      { document: { format: "pdf", name: "report-2024-v2-pdf", source: { bytes: btoa("%PDF-1.4\n") } } },
      { document: { format: "md", name: "document", source: { bytes: btoa("# Notes") } } },
      { text: "Summarise" },
    ]);
    await expect(send([{ role: "user", content: [{ type: "document", mediaType: "application/zip", data: pdf }] }])).rejects.toThrow(
      /Bedrock documents are PDF/,
    );
  });

  it("reasoning from a Bedrock response goes back with its signature; native blocks pass through", async () => {
    const fetch = createReplayFetch([
      { body: REASONING, headers: { "content-type": "application/json" } },
      { body: TEXT, headers: { "content-type": "application/json" } },
    ]);
    const options = {
      model: MODEL,
      client: { ...KEYS, fetch },
      callParams: { additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 1024 } } },
    };
    const first = await bedrock.call(options, () => "How do I cross the street?")();
    await bedrock.call(options, () => [
      { role: "user", content: "How do I cross the street?" },
      first.commonMessageParam,
      { role: "user", content: "Thanks" },
    ])();
    const sent = fetch.requests[1].json as { messages: { content: Record<string, any>[] }[] };
    const reasoning = JSON.parse(REASONING).output.message.content[0];
    expect(sent.messages[1].content[0]).toEqual(reasoning);
    expect(sent.messages[1].content[0].reasoningContent.reasoningText.signature).toMatch(/^Eu4CCkgIBxAB/);
    // The native message (first.messageParam) goes through unchanged too.
    const native = await send([{ role: "user", content: "Q" }, first.messageParam, { role: "user", content: [{ text: "Thanks" }] }]);
    expect(native.json.messages[1]).toEqual(JSON.parse(REASONING).output.message);
  });

  it("a stream posts to /converse-stream; audio is a clear error before any request", async () => {
    const fetch = createReplayFetch({ body: new Uint8Array(0), headers: { "content-type": "application/vnd.amazon.eventstream" } });
    const stream = await bedrock.call({ model: MODEL, stream: true, client: { ...KEYS, fetch }, retry: false }, () => "Hi")();
    await (async () => {
      for await (const _ of stream);
    })().catch(() => undefined);
    expect(fetch.requests[0].url).toMatch(/\/model\/anthropic\.claude-3-5-haiku-20241022-v1%3A0\/converse-stream$/);
    await expect(send([{ role: "user", content: [{ type: "audio", mediaType: "audio/wav", data: PNG }] }])).rejects.toThrow(
      /does not send audio/,
    );
  });
});
