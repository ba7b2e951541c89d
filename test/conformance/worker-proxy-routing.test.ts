// The Worker proxy: routing, key injection and stripping, allow-lists, size limits, CORS.
import { describe, expect, it } from "vitest";
import { createProxyHandler, type ProxyHandlerOptions } from "../../src/worker/index.ts";

const KEYS = { openai: "sk-openai-SECRET-1234", anthropic: "sk-ant-SECRET-5678", google: "AIza-SECRET-9012" };

interface Recorded {
  url: string;
  headers: Headers;
  body: string;
  signal: AbortSignal | undefined;
}

function recorder(respond: (call: Recorded) => Response = () => Response.json({ ok: true })) {
  const calls: Recorded[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const body = init?.body ? new TextDecoder().decode(init.body as Uint8Array) : "";
    const call = { url: String(input), headers: new Headers(init?.headers), body, signal: init?.signal ?? undefined };
    calls.push(call);
    return respond(call);
  };
  return { calls, fetch };
}

function proxyWith(overrides: Partial<ProxyHandlerOptions> = {}, respond?: (call: Recorded) => Response) {
  const rec = recorder(respond);
  const handler = createProxyHandler({
    providers: {
      openai: { apiKey: KEYS.openai, models: ["gpt-4o-mini"] },
      anthropic: { apiKey: KEYS.anthropic },
      google: { apiKey: KEYS.google, models: ["gemini-2.5-flash"] },
    },
    fetch: rec.fetch,
    ...overrides,
  });
  return { handler, calls: rec.calls };
}

function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`https://worker.example${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

async function expectNoKeys(response: Response): Promise<string> {
  const text = await response.text();
  for (const key of Object.values(KEYS)) expect(text).not.toContain(key);
  response.headers.forEach((value) => {
    for (const key of Object.values(KEYS)) expect(value).not.toContain(key);
  });
  return text;
}

describe("proxy routing", () => {
  it("forwards {prefix}/{provider}/{rest}?query to {baseURL}/{rest}?query", async () => {
    const { handler, calls } = proxyWith({
      providers: { openai: { apiKey: KEYS.openai }, anthropic: { apiKey: "k", baseURL: "http://127.0.0.1:9/base/" } },
    });
    expect((await handler(post("/llm/openai/chat/completions?trace=1", { model: "x" }))).status).toBe(200);
    expect((await handler(post("/llm/anthropic/messages", { model: "y" }))).status).toBe(200);
    expect(calls.map((c) => c.url)).toEqual(["https://api.openai.com/v1/chat/completions?trace=1", "http://127.0.0.1:9/base/messages"]);
    expect(calls[0].body).toBe('{"model":"x"}');
  });

  it("reads google's model from the path, forwards alt=sse and drops a key in the query", async () => {
    const { handler, calls } = proxyWith();
    const res = await handler(post("/llm/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse&key=leaked", { contents: [] }));
    expect(res.status).toBe(200);
    expect(calls[0].url).toBe("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
    expect(calls[0].headers.get("x-goog-api-key")).toBe(KEYS.google);
  });

  it("honours a custom prefix and answers 404 outside it", async () => {
    const { handler, calls } = proxyWith({ prefix: "/api/ai/", providers: { anthropic: { apiKey: "k" } } });
    expect((await handler(post("/api/ai/anthropic/messages", {}))).status).toBe(200);
    expect((await handler(post("/llm/anthropic/messages", {}))).status).toBe(404);
    expect((await handler(post("/api/ai/anthropic", {}))).status).toBe(400);
    expect(calls).toHaveLength(1);
  });

  it("answers 405 to other methods, and CORS preflights only when allowOrigin is set", async () => {
    const { handler, calls } = proxyWith();
    const get = await handler(new Request("https://worker.example/llm/openai/models"));
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    // Browsers forbid preflight headers in `new Request`: a request-like object carries them.
    const preflight = () =>
      ({
        url: "https://worker.example/llm/openai/chat/completions",
        method: "OPTIONS",
        headers: new Headers({ "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" }),
        body: null,
        signal: new AbortController().signal,
      }) as unknown as Request;
    expect((await handler(preflight())).status).toBe(405);
    const cors = proxyWith({ allowOrigin: "https://app.example" });
    const res = await cors.handler(preflight());
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-headers")).toBe("authorization,content-type");
    const posted = await cors.handler(post("/llm/openai/chat/completions", { model: "gpt-4o-mini" }));
    expect(posted.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(calls.length + cors.calls.length).toBe(1);
  });
});

describe("proxy keys", () => {
  it("injects the OpenAI key as a bearer token and strips client credentials and cookies", async () => {
    const { handler, calls } = proxyWith();
    await handler(
      post(
        "/llm/openai/chat/completions",
        { model: "gpt-4o-mini" },
        {
          authorization: "Bearer unused",
          "x-api-key": "client-key",
          "x-goog-api-key": "client-key",
          cookie: "session=abc",
          "x-custom": "kept",
        },
      ),
    );
    const h = calls[0].headers;
    expect(h.get("authorization")).toBe(`Bearer ${KEYS.openai}`);
    expect(h.get("x-api-key")).toBeNull();
    expect(h.get("x-goog-api-key")).toBeNull();
    expect(h.get("cookie")).toBeNull();
    expect(h.get("content-type")).toBe("application/json");
    // Client headers pass by allow-list only (content-type, accept, anthropic-version, and passHeaders).
    expect(h.get("x-custom")).toBeNull();
  });

  it("injects the Anthropic key as x-api-key with a default anthropic-version, keeping the client's version", async () => {
    const { handler, calls } = proxyWith();
    await handler(post("/llm/anthropic/messages", { model: "claude" }, { "x-api-key": "unused", authorization: "Bearer x" }));
    await handler(post("/llm/anthropic/messages", { model: "claude" }, { "anthropic-version": "2024-01-01", "anthropic-beta": "b1" }));
    expect(calls[0].headers.get("x-api-key")).toBe(KEYS.anthropic);
    expect(calls[0].headers.get("authorization")).toBeNull();
    expect(calls[0].headers.get("anthropic-version")).toBe("2023-06-01");
    expect(calls[1].headers.get("anthropic-version")).toBe("2024-01-01");
    expect(calls[1].headers.get("anthropic-beta")).toBeNull(); // beta switches only with passHeaders
  });

  it("never puts a key in a response: upstream 401 bodies are replaced, other error bodies redacted", async () => {
    const { handler } = proxyWith({}, (call) =>
      call.url.includes("anthropic")
        ? Response.json({ error: { message: `bad request for key ${KEYS.anthropic}` } }, { status: 400 })
        : Response.json({ error: { message: "Incorrect API key provided: sk-openai-****1234" } }, { status: 401 }),
    );
    const unauthorized = await handler(post("/llm/openai/chat/completions", { model: "gpt-4o-mini" }));
    expect(unauthorized.status).toBe(401);
    const text = await expectNoKeys(unauthorized);
    expect(text).not.toContain("1234");
    expect(JSON.parse(text).error.message).toMatch(/rejected the proxy's API key/);
    const bad = await handler(post("/llm/anthropic/messages", { model: "claude" }));
    expect(bad.status).toBe(400);
    expect(await expectNoKeys(bad)).toContain("[redacted]");
  });

  it("answers 502 without the key when the upstream cannot be reached", async () => {
    const handler = createProxyHandler({
      providers: { openai: { apiKey: KEYS.openai } },
      fetch: async () => {
        throw new TypeError(`connect failed (${KEYS.openai})`);
      },
    });
    const res = await handler(post("/llm/openai/chat/completions", { model: "x" }));
    expect(res.status).toBe(502);
    expect(await expectNoKeys(res)).toMatch(/could not reach openai/);
  });
});

describe("proxy allow-list", () => {
  it("answers 404 JSON for a provider that is unknown or not configured", async () => {
    const { handler, calls } = proxyWith({ providers: { openai: { apiKey: KEYS.openai } } });
    for (const name of ["mistral", "google", "__proto__", "constructor"]) {
      const res = await handler(post(`/llm/${name}/v1/x`, { model: "m" }));
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/json");
      const body = JSON.parse(await expectNoKeys(res));
      expect(body.error.message).toContain("Configured providers: openai");
    }
    expect(calls).toHaveLength(0);
  });

  it("answers 403 for a model outside the allow-list, from the body or (google) the path", async () => {
    const { handler, calls } = proxyWith();
    const refused = [
      post("/llm/openai/chat/completions", { model: "gpt-4o" }),
      post("/llm/openai/chat/completions", { messages: [] }),
      post("/llm/google/models/gemini-2.5-pro:generateContent", {}),
    ];
    for (const request of refused) {
      const res = await handler(request);
      expect(res.status).toBe(403);
      expect(JSON.parse(await expectNoKeys(res)).error.type).toBe("model_not_allowed");
    }
    expect(calls).toHaveLength(0);
    expect((await handler(post("/llm/openai/chat/completions", { model: "gpt-4o-mini" }))).status).toBe(200);
    expect((await handler(post("/llm/google/models/gemini-2.5-flash:generateContent", {}))).status).toBe(200);
    expect(calls).toHaveLength(2);
  });
});
