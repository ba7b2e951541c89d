// Secrets never leave through an error (DESIGN.md, Reliability): whichever code path built it, the
// API key and every credential header value are redacted from the message, the properties, the
// cause chain, the stack and toJSON(); a short key that is also a word does not mangle messages;
// reading the environment in Deno never prompts.
import { describe, expect, it } from "vitest";
import { anthropic } from "../../src/providers/anthropic/index.ts";
import { google } from "../../src/providers/google/index.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { readEnv } from "../../src/http/env.ts";
import { fixtures } from "../fixtures/index.ts";
import { rejection, scriptedBaseURL, type Script } from "./support/scripted-server.ts";
import { expectNoSecret } from "./support/expect-no-secret.ts";

const KEY = "sk-proj-SECRETSECRETsecret0123456789abcdef";

const openaiChunk = (content: string) =>
  `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;

const drain = async (stream: AsyncIterable<unknown>) => {
  for await (const _ of stream);
};

describe("no key in any error", () => {
  it("an OpenAI error event mid-stream that quotes the key (message, body)", async () => {
    // The error chunk's shape is OpenRouter's recorded one (extra/openai-compatible/openrouter_stream_error_chunk_after_length.sse).
    const error = `data: ${JSON.stringify({ id: "g", object: "chat.completion.chunk", error: { code: 401, message: `Key ${KEY} was revoked` }, choices: [] })}\n\n`;
    const script: Script = { parts: [openaiChunk("Hi"), error] };
    const stream = await openai.call({ model: "m", stream: true, client: { apiKey: KEY, baseURL: scriptedBaseURL(script) } }, () => "x")();
    expectNoSecret(await rejection(drain(stream)), KEY);
  });

  it("an Anthropic error event mid-stream that quotes the key", async () => {
    const event = `event: error\ndata: ${JSON.stringify({ type: "error", error: { type: "authentication_error", message: `bad key ${KEY}` } })}\n\n`;
    const script: Script = { parts: [fixtures["anthropic/stream_text_docs.sse"].split("event: content_block_stop")[0], event] };
    const stream = await anthropic.call(
      { model: "m", stream: true, client: { apiKey: KEY, baseURL: scriptedBaseURL(script) } },
      () => "x",
    )();
    expectNoSecret(await rejection(drain(stream)), KEY);
  });

  it("a Gemini stream error that quotes the key", async () => {
    const event = `data: ${JSON.stringify({ error: { code: 400, message: `API key ${KEY} not valid`, status: "INVALID_ARGUMENT" } })}\n\n`;
    const stream = await google.call(
      { model: "gemini-2.5-flash", stream: true, client: { apiKey: KEY, baseURL: scriptedBaseURL({ parts: [event] }) } },
      () => "x",
    )();
    expectNoSecret(await rejection(drain(stream)), KEY);
  });

  it("ParseError.raw of a non-JSON event and of a non-JSON 200 body", async () => {
    const stream = await openai.call(
      {
        model: "m",
        stream: true,
        client: { apiKey: KEY, baseURL: scriptedBaseURL({ parts: [openaiChunk("Hi"), `data: oops ${KEY}\n\n`] }) },
      },
      () => "x",
    )();
    expectNoSecret(await rejection(drain(stream)), KEY);
    const call = openai.call(
      { model: "m", client: { apiKey: KEY, baseURL: scriptedBaseURL({ type: "text/html", parts: [`<p>key ${KEY}</p>`] }) } },
      () => "x",
    );
    expectNoSecret(await rejection(call()), KEY);
  });

  it("a NetworkError whose cause quotes the key keeps a redacted cause", async () => {
    const fetch = async () => {
      throw new TypeError("fetch failed", { cause: new Error(`proxy refused Authorization: Bearer ${KEY}`) });
    };
    const error = await rejection(openai.call({ model: "m", retry: false, client: { apiKey: KEY, fetch } }, () => "x")());
    expectNoSecret(error, KEY);
    expect(((error as Error).cause as Error).cause).toBeInstanceOf(Error);
  });

  it("a request id header that carries the key", async () => {
    const script: Script = {
      status: 500,
      type: "application/json",
      headers: { "x-request-id": KEY },
      parts: ['{"error":{"message":"boom"}}'],
    };
    expectNoSecret(
      await rejection(openai.call({ model: "m", retry: false, client: { apiKey: KEY, baseURL: scriptedBaseURL(script) } }, () => "x")()),
      KEY,
    );
  });

  it("credentials passed in client.headers (a gateway's key) are secrets too", async () => {
    const gateway = "gw-live-0123456789abcdefXYZ";
    const script: Script = {
      status: 401,
      type: "application/json",
      parts: [JSON.stringify({ error: { message: `gateway key ${gateway} unknown` } })],
    };
    const client = { apiKey: "unused", baseURL: scriptedBaseURL(script), headers: { "x-gateway-api-key": gateway } };
    const error = await rejection(openai.call({ model: "m", retry: false, client }, () => "x")());
    expectNoSecret(error, gateway);
  });

  it("a short key that is also a word does not mangle the message", async () => {
    const script: Script = {
      status: 404,
      type: "application/json",
      parts: ['{"error":{"message":"model claude-3-5-sonnet-latest: not a test model, unused"}}'],
    };
    for (const apiKey of ["test", "unused"]) {
      const error = (await rejection(
        openai.call({ model: "m", retry: false, client: { apiKey, baseURL: scriptedBaseURL(script) } }, () => "x")(),
      )) as Error;
      expect(error.message).toContain("claude-3-5-sonnet-latest");
      expect(error.message).not.toContain("la[redacted]");
    }
  });
});

describe("where the remembered keys are kept", () => {
  it("no global (string or symbol key, the symbol registry included) holds a key a call used", async () => {
    const key = "sk-proj-GLOBALCHECK0123456789abcdefghij";
    const script: Script = { parts: [openaiChunk("Hi"), "data: [DONE]\n\n"] };
    await drain(await openai.call({ model: "m", stream: true, client: { apiKey: key, baseURL: scriptedBaseURL(script) } }, () => "x")());
    const host = globalThis as unknown as Record<PropertyKey, unknown>;
    const values = [...Object.getOwnPropertyNames(globalThis), ...Object.getOwnPropertySymbols(globalThis)].flatMap((k) => {
      try {
        const v = host[k];
        return v instanceof Set || v instanceof Map || Array.isArray(v) ? [...v.values()] : [v];
      } catch {
        return [];
      }
    });
    // Any script in a page could read a key kept there (`Symbol.for` names are public).
    expect(values.filter((v) => typeof v === "string" && v.includes(key))).toEqual([]);
    expect(host[Symbol.for("promptcall.secrets")]).toBeUndefined();
  });
});

describe("the environment", () => {
  it("Deno: a variable whose permission is not granted is not read (reading would prompt)", () => {
    const asked: string[] = [];
    const read: string[] = [];
    const host = (state: string) => ({
      Deno: {
        permissions: {
          querySync: (d: { variable: string }) => {
            asked.push(d.variable);
            return { state };
          },
        },
        // Deno.env.get without the permission shows a prompt in a terminal before it throws.
        env: {
          get: (name: string) => {
            read.push(`${state}:${name}`);
            if (state !== "granted") throw new Error("prompted, then denied");
            return `value of ${name}`;
          },
        },
      },
    });
    expect(readEnv("OPENAI_API_KEY", host("prompt"))).toBeUndefined();
    expect(readEnv("OPENAI_API_KEY", host("granted"))).toBe("value of OPENAI_API_KEY");
    expect(asked).toEqual(["OPENAI_API_KEY", "OPENAI_API_KEY"]);
    expect(read).toEqual(["granted:OPENAI_API_KEY"]);
  });
});
