// No credential leaves through an error, whatever built it (DESIGN.md, Reliability): besides the keys
// security-secrets.test.ts covers, the fields every error class sets itself, credential headers that a
// gateway names `*-auth` (Helicone-Auth, Cloudflare's cf-aig-authorization), a password or key inside a
// URL that a runtime's fetch error quotes, a signed query string a provider's message quotes, the
// Vertex JWT assertion, the SigV4 signature, an MCP server's bearer token, and a key while many
// other keys are in use (a server calling with each user's own key).
import { describe, expect, it } from "vitest";
import {
  APIError,
  FallbackError,
  McpError,
  NetworkError,
  ParseError,
  StreamError,
  TimeoutError,
  ToolArgumentsError,
  UnknownToolError,
  ValidationError,
} from "../../src/errors/index.ts";
import { connectMcp } from "../../src/mcp/index.ts";
import { bedrock } from "../../src/providers/bedrock/index.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { vertex, type ServiceAccountKey } from "../../src/providers/vertex/index.ts";
import { createReplayFetch, fixtureResponse } from "../../src/testing/replay-fetch.ts";
import { fixtures } from "../fixtures/index.ts";
import { rejection } from "./support/scripted-server.ts";
import { expectNoSecret } from "./support/expect-no-secret.ts";
import { testRsaKey } from "./support/test-rsa-key.ts";

/** Makes one successful OpenAI call with `apiKey`, so that the key is one the library has used. */
async function useKey(apiKey: string): Promise<void> {
  const fetch = createReplayFetch(fixtureResponse(fixtures["openai/chat_text.json"], { headers: { "content-type": "application/json" } }));
  await openai.call({ model: "m", client: { apiKey, fetch } }, () => "x")();
}

const chunk = (content: string) =>
  `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;

describe("every error class keeps a used key out of its own fields", () => {
  it("fields set by the subclass (raw, content, data, result, attempts) are redacted, and nested errors stay errors", async () => {
    const key = "sk-proj-FIELDS0123456789abcdefghijklmnop";
    await useKey(key);
    const inner = new Error(`upstream said ${key}`);
    // An own `name`: its JSON is the same before and after redaction ({"name":…}), the message differs.
    inner.name = "UpstreamError";
    const invalid = new ValidationError("bad output", { raw: `{"k":"${key}"}`, issues: [{ path: [], message: key }] });
    const errors: Error[] = [
      new NetworkError("dropped", { content: `so far ${key}` }),
      new TimeoutError("slow", { content: `so far ${key}`, timeoutMs: 1, phase: "idle" }),
      new ParseError("bad", { raw: `oops ${key}` }),
      new StreamError("boom", { provider: "p", content: key, partial: { key }, body: { message: key } }),
      new ToolArgumentsError("bad args", { toolName: "t", raw: `{"k":"${key}"}` }),
      new UnknownToolError({ toolName: "t", definedTools: [], raw: `{"k":"${key}"}` }),
      invalid,
      new ValidationError("still bad", { raw: key, attempts: [invalid] }),
      new McpError("failed", { method: "tools/call", data: { token: key }, result: { content: [{ type: "text", text: key }] } }),
      new FallbackError([{ provider: "openai", model: "m", error: inner }]),
      new APIError("x", { status: 500, provider: "p", body: { message: key }, requestId: key }),
    ];
    for (const error of errors) expectNoSecret(error, key);
    // A nested error is still an error (redacted), not a plain copy of its fields.
    const retried = errors[7] as ValidationError;
    expect(ValidationError.isInstance(retried.attempts[0])).toBe(true);
    expect(retried.attempts[0]!.issues).toHaveLength(1);
    const fallback = errors[9] as FallbackError;
    expect(fallback.attempts[0]!.error).toBeInstanceOf(Error);
    expect((fallback.attempts[0]!.error as Error).message).toBe("upstream said [redacted]");
  });
});

describe("credentials a request carries besides the API key", () => {
  it("a gateway's `*-auth` credential headers (Helicone-Auth, cf-aig-authorization) are secrets", async () => {
    // https://docs.helicone.ai/helicone-headers/helicone-auth and
    // https://developers.cloudflare.com/ai-gateway/configuration/authentication/ (cf-aig-authorization: Bearer {token}).
    const helicone = "sk-helicone-0123456789abcdefghijkl";
    const cloudflare = "cfaig-0123456789abcdefghijklmnopq";
    const fetch = createReplayFetch({
      status: 401,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ error: { message: `gateway rejected ${helicone} and Bearer ${cloudflare}` } }),
    });
    const headers = { "Helicone-Auth": `Bearer ${helicone}`, "cf-aig-authorization": `Bearer ${cloudflare}` };
    const error = await rejection(openai.call({ model: "m", retry: false, client: { apiKey: "sk-x", fetch, headers } }, () => "x")());
    expectNoSecret(error, helicone, cloudflare);
  });

  it("a password or key inside the URL, quoted by the runtime's fetch error, is removed", async () => {
    // Deno's message quotes the URL ("error sending request for url (https://…)", denoland/deno#24835),
    // Node's names it for a URL with credentials ("Request cannot be constructed from a URL that includes credentials: …").
    const password = "hunter2-0123456789abcdef";
    const queryKey = "QK-0123456789abcdefghijkl";
    const fetch = async (url: string | URL | Request) => {
      throw new TypeError(`error sending request for url (${String(url)}&api_key=${queryKey})`);
    };
    const baseURL = `https://alice:${password}@gateway.example/v1`;
    const error = await rejection(openai.call({ model: "m", retry: false, client: { apiKey: "sk-x", fetch, baseURL } }, () => "x")());
    expect(NetworkError.isInstance(error)).toBe(true);
    expectNoSecret(error, password, queryKey);
    expect((error as Error).message).toContain("gateway.example");
    // Node's fetch for a URL it cannot parse: "Failed to parse URL from …", its cause a TypeError with `input` (the URL) and `code`.
    const unparsable = async (url: string | URL | Request) => {
      const cause = Object.assign(new TypeError("Invalid URL"), { code: "ERR_INVALID_URL", input: String(url) });
      throw new TypeError(`Failed to parse URL from ${String(url)}`, { cause });
    };
    const client = { apiKey: "sk-x", fetch: unparsable, baseURL: `https://alice:${password}@[gateway/v1` };
    const parse = await rejection(openai.call({ model: "m", retry: false, client }, () => "x")());
    expectNoSecret(parse, password);
    expect((((parse as Error).cause as Error).cause as { code?: string }).code).toBe("ERR_INVALID_URL");
  });

  it("a signed URL quoted in a provider's error keeps its path but not its signature or token", async () => {
    const signature = "3f1e0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f";
    const token = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN0123";
    const url = `https://bucket.s3.amazonaws.com/cat.png?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Security-Token=${token}&X-Amz-Signature=${signature}`;
    const fetch = createReplayFetch({
      status: 400,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        error: { message: `Error while downloading ${url}.`, type: "invalid_request_error", code: "invalid_image_url" },
      }),
    });
    const error = await rejection(openai.call({ model: "m", retry: false, client: { apiKey: "sk-x", fetch } }, () => "x")());
    expectNoSecret(error, signature, token);
    expect((error as Error).message).toContain("https://bucket.s3.amazonaws.com/cat.png?");
  });

  it("Bedrock: the SigV4 signature and the session token are secrets", async () => {
    const secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYLEAKSKEY";
    const sessionToken = "FwoGZXIvYXdzLEAKSSESSIONTOKEN0123456789";
    const fetch = createReplayFetch((request) => {
      const signature = /Signature=([0-9a-f]{64})/.exec(request.headers.authorization ?? "")?.[1];
      return {
        status: 403,
        headers: {
          "content-type": "application/json",
          "x-amzn-errortype": "InvalidSignatureException:http://internal.amazon.com/coral/com.amazon.coral.service/",
        },
        body: JSON.stringify({ message: `Signature ${signature} does not match. x-amz-security-token:${sessionToken}` }),
      };
    });
    const client = { region: "us-east-1", accessKeyId: "AKIDEXAMPLE", secretAccessKey: secret, sessionToken, fetch };
    const error = await rejection(bedrock.call({ model: "amazon.nova-micro-v1:0", retry: false, client }, () => "x")());
    const signature = /Signature=([0-9a-f]{64})/.exec(fetch.requests[0]!.headers.authorization!)![1]!;
    expectNoSecret(error, secret, sessionToken, signature);
  });

  it("an MCP server's error data quoting the bearer token", async () => {
    const token = "mcp-token-0123456789abcdefghij";
    const fetch = async (_url: string | URL | Request, init?: RequestInit) => {
      const id = (JSON.parse(String(init?.body)) as { id: number }).id;
      // A JSON-RPC 2.0 error response (https://www.jsonrpc.org/specification#error_object).
      const error = { code: -32603, message: "Internal error", data: { received: `Bearer ${token}` } };
      return Response.json({ jsonrpc: "2.0", id, error });
    };
    const error = await rejection(connectMcp("https://mcp.example/mcp", { fetch, headers: { authorization: `Bearer ${token}` } }));
    expect(McpError.isInstance(error)).toBe(true);
    expectNoSecret(error, token);
  });
});

describe("Vertex: the service account's credentials", () => {
  it("a token endpoint error that echoes the signed assertion", async () => {
    const { pem } = await testRsaKey();
    const key: ServiceAccountKey = {
      client_email: `leak-${crypto.randomUUID()}@p.iam.gserviceaccount.com`,
      private_key: pem,
      project_id: "p",
    };
    let assertion = "";
    // The token endpoint's error body is RFC 6749 §5.2's { error, error_description }.
    const fetch = createReplayFetch((request) => {
      assertion = new URLSearchParams(request.body).get("assertion") ?? "";
      return {
        status: 400,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ error: "invalid_grant", error_description: `Invalid JWT: ${assertion}` }),
      };
    });
    const error = await rejection(vertex.call({ model: "gemini-2.5-flash", client: { fetch, serviceAccountKey: key } }, () => "x")());
    expect(assertion.length).toBeGreaterThan(100);
    expectNoSecret(error, assertion, assertion.split(".")[2]!, pem.split("\n")[2]!.slice(0, 60));
  });
});

describe("many keys in use at once", () => {
  it("a key in use is still redacted after calls with 300 other keys (a server calling with each user's key)", async () => {
    const key = "sk-proj-LONGLIVED0123456789abcdefghijkl";
    const error = `data: ${JSON.stringify({ id: "g", object: "chat.completion.chunk", error: { code: 401, message: `Key ${key} was revoked` }, choices: [] })}\n\n`;
    const fetch = createReplayFetch({ body: [chunk("Hi"), error] });
    const stream = await openai.call({ model: "m", stream: true, client: { apiKey: key, fetch } }, () => "x")();
    for (let i = 0; i < 300; i++) await useKey(`sk-proj-OTHER${String(i).padStart(4, "0")}0123456789abcdefghij`);
    const failure = await rejection(
      (async () => {
        for await (const _ of stream);
      })(),
    );
    expectNoSecret(failure, key);
  });
});
