// The key-keeping proxy holds (issue 14's probes, in every runtime): chat endpoints only unless
// opted in, caps on token and choice counts, no key across origins on a redirect, an authorize
// hook, JSON bodies only from the allowed origin, an allow-list of client headers, masked and
// base64 keys removed from error bodies, a deadline for the request body, and mid-stream errors
// sent to the page without the key.
import { describe, expect, inject, it } from "vitest";
import { createProxyHandler, toEventStreamResponse, type ProxyHandlerOptions } from "../../src/worker/index.ts";
import { openai } from "../../src/providers/openai/index.ts";
import { rejection, scriptedBaseURL, uniqueId } from "./support/scripted-server.ts";

const KEY = "sk-proj-PROXYKEY0123456789abcdefghijklmnop";

function recorder() {
  const calls: { url: string; headers: Headers }[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit) => {
    calls.push({ url: String(input), headers: new Headers(init?.headers) });
    return Response.json({ ok: true });
  };
  return { calls, fetch };
}

function proxy(overrides: Partial<ProxyHandlerOptions> = {}) {
  const rec = recorder();
  const handler = createProxyHandler({
    providers: { openai: { apiKey: KEY }, anthropic: { apiKey: KEY }, google: { apiKey: KEY } },
    fetch: rec.fetch,
    ...overrides,
  });
  return { handler, calls: rec.calls };
}

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`https://worker.example/llm/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

/** A request-like object: browsers drop forbidden headers such as `origin` from `new Request`. */
const rawPost = (path: string, body: string, headers: Record<string, string>) =>
  ({
    url: `https://worker.example/llm/${path}`,
    method: "POST",
    headers: new Headers({ "content-type": "application/json", ...headers }),
    body: new Response(body).body,
    signal: new AbortController().signal,
  }) as unknown as Request;

const errorType = async (response: Response) => ((await response.json()) as { error: { type: string } }).error.type;

describe("what the proxy forwards", () => {
  it("the chat endpoints only, unless others are listed", async () => {
    const { handler, calls } = proxy();
    for (const path of [
      "openai/fine_tuning/jobs",
      "openai/batches",
      "openai/assistants",
      "openai/responses",
      "anthropic/messages/batches",
      "google/cachedContents",
    ]) {
      const response = await handler(post(path, { model: "gpt-4o-mini", tools: [{ type: "image_generation" }] }));
      expect([path, response.status, await errorType(response)]).toEqual([path, 403, "endpoint_not_allowed"]);
    }
    for (const path of ["openai/chat/completions", "anthropic/messages", "google/models/gemini-2.5-flash:streamGenerateContent"]) {
      expect((await handler(post(path, { model: "m" }))).status).toBe(200);
    }
    expect(calls).toHaveLength(3);
    const opted = proxy({ providers: { openai: { apiKey: KEY, endpoints: ["chat/completions", "responses"] } } });
    expect((await opted.handler(post("openai/responses", { model: "m" }))).status).toBe(200);
  });

  it("caps token and choice counts", async () => {
    const { handler, calls } = proxy();
    const refused = [
      ["openai/chat/completions", { model: "m", n: 128 }],
      ["openai/chat/completions", { model: "m", max_tokens: 1e6 }],
      ["openai/chat/completions", { model: "m", max_completion_tokens: 40_000 }],
      ["anthropic/messages", { model: "m", max_tokens: 64_000 }],
      ["google/models/g:generateContent", { generationConfig: { candidateCount: 8 } }],
      ["google/models/g:generateContent", { generationConfig: { maxOutputTokens: 100_000 } }],
    ] as const;
    for (const [path, body] of refused) {
      const response = await handler(post(path, body));
      expect([response.status, await errorType(response)]).toEqual([403, "limit_exceeded"]);
    }
    expect(calls).toHaveLength(0);
    expect((await handler(post("openai/chat/completions", { model: "m", n: 1, max_tokens: 32_768 }))).status).toBe(200);
    const roomy = proxy({ maxTokens: 200_000, maxChoices: 4 });
    expect((await roomy.handler(post("anthropic/messages", { model: "m", max_tokens: 64_000 }))).status).toBe(200);
    expect((await roomy.handler(post("openai/chat/completions", { model: "m", n: 4 }))).status).toBe(200);
  });

  it("passes an allow-list of client headers only", async () => {
    const sent = {
      "OpenAI-Organization": "org-x",
      "OpenAI-Project": "proj-x",
      "anthropic-beta": "computer-use-2025-01-24",
      "x-http-method-override": "DELETE",
      forwarded: "for=1.2.3.4",
      accept: "text/event-stream",
    };
    const { handler, calls } = proxy();
    await handler(post("openai/chat/completions", { model: "m" }, sent));
    const h = calls[0].headers;
    for (const name of ["openai-organization", "openai-project", "anthropic-beta", "x-http-method-override", "forwarded"])
      expect(h.get(name)).toBeNull();
    expect(h.get("accept")).toBe("text/event-stream");
    const opted = proxy({ passHeaders: ["anthropic-beta"] });
    await opted.handler(post("anthropic/messages", { model: "m" }, sent));
    expect(opted.calls[0].headers.get("anthropic-beta")).toBe("computer-use-2025-01-24");
  });
});

describe("who may spend the key", () => {
  it("authorize decides before anything is read or sent", async () => {
    const { handler, calls } = proxy({ authorize: (request) => request.headers.get("authorization") === "Bearer session-ok" });
    const denied = await handler(post("openai/chat/completions", { model: "m" }, { authorization: "Bearer guess" }));
    expect([denied.status, await errorType(denied)]).toEqual([401, "unauthorized"]);
    const allowed = await handler(post("openai/chat/completions", { model: "m" }, { authorization: "Bearer session-ok" }));
    expect(allowed.status).toBe(200);
    expect(calls).toHaveLength(1);
    expect(calls[0].headers.get("authorization")).toBe(`Bearer ${KEY}`);
    const limited = proxy({ authorize: () => new Response("slow down", { status: 429 }) });
    expect((await limited.handler(post("openai/chat/completions", { model: "m" }))).status).toBe(429);
  });

  it("a text/plain POST (no CORS preflight) and a foreign Origin are refused", async () => {
    const { handler, calls } = proxy({ allowOrigin: "https://app.example" });
    const plain = new Request("https://worker.example/llm/openai/chat/completions", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: '{"model":"m"}',
    });
    expect((await handler(plain)).status).toBe(415);
    const foreign = await handler(rawPost("openai/chat/completions", '{"model":"m"}', { origin: "https://evil.example" }));
    expect([foreign.status, await errorType(foreign)]).toEqual([403, "origin_not_allowed"]);
    expect((await handler(rawPost("openai/chat/completions", '{"model":"m"}', { origin: "https://app.example" }))).status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it("a body sent too slowly gets 408 instead of holding the connection", async () => {
    const { handler, calls } = proxy({ bodyTimeoutMs: 100 });
    const trickle = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"model":'));
      },
    });
    const request = {
      url: "https://worker.example/llm/openai/chat/completions",
      method: "POST",
      headers: new Headers({ "content-type": "application/json" }),
      body: trickle,
      signal: new AbortController().signal,
    } as unknown as Request;
    const started = Date.now();
    const response = await handler(request);
    expect([response.status, await errorType(response)]).toEqual([408, "request_timeout"]);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(calls).toHaveLength(0);
  });
});

describe("the key never leaves", () => {
  it("an upstream redirect to another origin is not followed: the key goes nowhere else", async () => {
    const server = inject("serverUrl");
    const id = uniqueId("redirect");
    const elsewhere = `${server.replace("127.0.0.1", "localhost")}/echo?id=${id}`;
    const handler = createProxyHandler({ providers: { openai: { apiKey: KEY, baseURL: `${server}/redirect` } } });
    const response = await handler(post(`openai/chat/completions?to=${encodeURIComponent(elsewhere)}`, { model: "m" }));
    expect([response.status, await errorType(response)]).toEqual([502, "upstream_redirect"]);
    const count = (await (await fetch(`${server}/count?id=${id}`)).json()) as { count: number };
    expect(count.count).toBe(0);
  });

  it("masked and base64-encoded keys in upstream error bodies are removed", async () => {
    const b64 = btoa(`user:${KEY}`);
    const masked = `${KEY.slice(0, 8)}${"*".repeat(20)}${KEY.slice(-4)}`;
    const handler = createProxyHandler({
      providers: { openai: { apiKey: KEY } },
      fetch: async () => Response.json({ error: { message: `Key ${masked} lacks access (credential ${b64})` } }, { status: 403 }),
    });
    const text = await (await handler(post("openai/chat/completions", { model: "m" }))).text();
    expect(text).not.toContain(masked);
    expect(text).not.toContain(b64.slice(8, 40));
    expect(text).toContain("[redacted]");
  });

  it("a mid-stream error reaches the page through toEventStreamResponse without the key", async () => {
    const error = `data: ${JSON.stringify({ id: "g", object: "chat.completion.chunk", error: { code: 401, message: `Key ${KEY} was revoked` }, choices: [] })}\n\n`;
    const stream = await openai.call(
      { model: "m", stream: true, client: { apiKey: KEY, baseURL: scriptedBaseURL({ parts: [error] }) } },
      () => "x",
    )();
    const text = await toEventStreamResponse(stream).text();
    expect(text).toContain("event: error");
    expect(text).not.toContain(KEY);
  });

  it("a tool's own error with the key is redacted in the error event too", async () => {
    const source = {
      toolCalls: [],
      usage: undefined,
      cost: undefined,
      finishReasons: [],
      commonFinishReasons: [],
      model: "m",
      async *[Symbol.asyncIterator](): AsyncGenerator<readonly [{ content: string }, unknown]> {
        yield [{ content: "Hi" }, undefined];
        throw new Error(`lookup failed with ${KEY}`);
      },
    };
    await rejection(
      openai.call(
        {
          model: "m",
          retry: false,
          client: { apiKey: KEY, baseURL: scriptedBaseURL({ status: 500, type: "application/json", parts: ["{}"] }) },
        },
        () => "x",
      )(),
    );
    const text = await toEventStreamResponse(source).text();
    expect(text).toContain("lookup failed with [redacted]");
  });
});
