// Runs the samples of docs/workers-and-browsers.md verbatim: the Worker handlers are called with
// Requests, the page's `fetch` reaches them, and the provider API behind them is a replay of
// recorded OpenAI streams.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { APIError, AuthenticationError, PromptcallError, RateLimitError, defineTool } from "promptcall";
import { createProxyHandler as realCreateProxyHandler, toEventStreamResponse } from "promptcall/worker";
import { readEventStream, streamText } from "promptcall/browser";
import { openai as realOpenai } from "promptcall/openai";
import { createReplayFetch } from "promptcall/testing";
import { fixtures } from "../fixtures/index.ts";

type Fetch = typeof globalThis.fetch;

/** The provider as the docs import it, answering from `fetch` (with a test key unless `apiKey` is null). */
function replayed<P extends { call: (...args: any[]) => any }>(provider: P, fetch: Fetch, apiKey: string | null = "sk-test"): P {
  const key = apiKey === null ? {} : { apiKey };
  const call = (o: any, fn: any) => provider.call({ ...o, client: { fetch, ...key, ...o.client } }, fn);
  return { ...provider, call: call as P["call"] };
}

const textStream = fixtures["openai/chat_stream_text.sse"];
/** The recorded streamed get_capital({"country":"UK"}) call, made a get_weather({"city":"Paris"}) call. */
const weatherStream = fixtures["openai/chat_stream_tool_call.sse"]
  .replace('"name":"get_capital"', '"name":"get_weather"')
  .replace('"arguments":"country"', '"arguments":"city"')
  .replace('"arguments":"UK"', '"arguments":"Paris"');

describe("docs/workers-and-browsers.md", () => {
  it("a Worker streams a call as events; the page reads them", async () => {
    const upstream = createReplayFetch((_request, index) => ({
      body: index === 0 ? weatherStream : textStream,
      chunking: { seed: index, maxChunkSize: 48 },
    }));
    const openai = replayed(realOpenai, upstream);
    const errors: unknown[] = [];
    const console = { error: (e: unknown) => errors.push(e) };
    const getWeather = defineTool({
      name: "get_weather",
      description: "Current weather for a city",
      parameters: z.object({ city: z.string() }),
      call: ({ city }) => ({ city, tempC: 21 }),
    });

    const worker = {
      async fetch(request: Request, env: { OPENAI_API_KEY: string }): Promise<Response> {
        const { question } = (await request.json()) as { question: string };
        const answer = openai.call(
          { model: "gpt-4o-mini", stream: true, tools: [getWeather], client: { apiKey: env.OPENAI_API_KEY } },
          (q: string) => q,
        );
        try {
          return toEventStreamResponse(await answer(question), { onError: (e) => console.error(e) });
        } catch (error) {
          // Failed before the first byte (a bad key, a rate limit): the typed error as JSON with its
          // status, which readEventStream in the page throws again as the same class.
          if (!PromptcallError.isInstance(error)) throw error;
          const status = APIError.isInstance(error) ? error.status : 502;
          return Response.json({ error: { type: error.name, message: error.message } }, { status });
        }
      },
    };

    // The page, served from https://app.example: its fetch("/chat") reaches the Worker.
    const env = { OPENAI_API_KEY: "sk-worker-key" };
    const fetch = (path: string, init?: RequestInit) => worker.fetch(new Request(new URL(path, "https://app.example"), init), env);
    const question = "Weather in Paris?";
    const signal = new AbortController().signal;
    const init = { method: "POST", body: JSON.stringify({ question: "Capital of the UK?" }) };
    const output = { textContent: "" };
    const toolCalls: unknown[][] = [];
    const showToolCall = (name: string, args: unknown) => toolCalls.push([name, args]);
    const costs: (number | null)[] = [];
    const showCost = (cost: number | null) => costs.push(cost);

    const response = await fetch("/chat", { method: "POST", body: JSON.stringify({ question }) });
    for await (const event of readEventStream(response, { signal })) {
      if (event.type === "text") output.textContent += event.delta;
      if (event.type === "tool_call") showToolCall(event.name, event.args);
      if (event.type === "usage") showCost(event.cost);
    }

    // or, for the text alone:
    const text = await streamText(await fetch("/chat", init), (delta, soFar) => (output.textContent = soFar));

    expect(toolCalls).toEqual([["get_weather", { city: "Paris" }]]);
    expect(costs).toHaveLength(1);
    expect(costs[0]).toBeGreaterThan(0);
    expect(text).toBe("The capital of the UK is London.");
    expect(output.textContent).toBe("The capital of the UK is London.");
    expect(errors).toEqual([]);
    expect(upstream.requests.map((r) => r.headers.authorization)).toEqual(["Bearer sk-worker-key", "Bearer sk-worker-key"]);
    expect(upstream.requests[0].json).toMatchObject({
      model: "gpt-4o-mini",
      stream: true,
      messages: [{ role: "user", content: question }],
    });
    expect((upstream.requests[0].json as { tools: unknown[] }).tools).toHaveLength(1);
  });

  it("the Worker's try/catch: a 429 before the first byte reaches the page as a RateLimitError, not a 500", async () => {
    const limited = createReplayFetch(() => ({ status: 429, body: fixtures["openai/error_429_insufficient_quota.json"] }));
    const openai = replayed(realOpenai, limited);
    const worker = {
      async fetch(request: Request): Promise<Response> {
        const answer = openai.call({ model: "gpt-4o-mini", stream: true, retry: false }, (q: string) => q);
        try {
          return toEventStreamResponse(await answer(String(await request.text())));
        } catch (error) {
          if (!PromptcallError.isInstance(error)) throw error;
          const status = APIError.isInstance(error) ? error.status : 502;
          return Response.json({ error: { type: error.name, message: error.message } }, { status });
        }
      },
    };
    const response = await worker.fetch(new Request("https://app.example/chat", { method: "POST", body: "Hi" }));
    expect(response.status).toBe(429);
    const error = await (async () => {
      for await (const _ of readEventStream(response));
    })().catch((e: unknown) => e);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(String((error as Error).message)).toMatch(/quota/);
  });

  it("a proxy Worker adds the key; the page calls through it", async () => {
    const upstream = createReplayFetch(() => ({ body: textStream }));
    const createProxyHandler = (options: Parameters<typeof realCreateProxyHandler>[0]) =>
      realCreateProxyHandler({ fetch: upstream, ...options });

    const sessions: Record<string, { id: string }> = { "Bearer session-123": { id: "user-1" } };
    const userFromSession = async (header: string | null) => (header ? sessions[header] : undefined);
    let calls = 0;
    const limiter = { limit: async (_: { key: string }) => ({ success: ++calls <= 2 }) };

    // worker.ts

    interface Env {
      OPENAI_API_KEY: string;
      ANTHROPIC_API_KEY: string;
      LIMITER: { limit(options: { key: string }): Promise<{ success: boolean }> };
    }

    const worker = {
      fetch(request: Request, env: Env) {
        const proxy = createProxyHandler({
          providers: {
            openai: { apiKey: env.OPENAI_API_KEY, models: ["gpt-4o-mini"] },
            anthropic: { apiKey: env.ANTHROPIC_API_KEY, models: ["claude-haiku-4-5"] },
          },
          allowOrigin: "https://app.example",
          async authorize(request) {
            const user = await userFromSession(request.headers.get("authorization"));
            if (!user) return false; // 401
            const { success } = await env.LIMITER.limit({ key: user.id });
            return success || new Response("Too many requests", { status: 429 });
          },
        });
        return proxy(request);
      },
    };

    const env = { OPENAI_API_KEY: "sk-real-openai", ANTHROPIC_API_KEY: "sk-ant-real", LIMITER: limiter };
    const toWorker: Fetch = async (input, init) => worker.fetch(new Request(input, init), env);
    const openai = replayed(realOpenai, toWorker, null);
    const sessionToken = "session-123";

    // in the page: the "API key" is the user's session token; the proxy checks it and adds the real key
    const chat = openai.call(
      { model: "gpt-4o-mini", stream: true, client: { baseURL: "https://my-worker.example/llm/openai", apiKey: sessionToken } },
      (q: string) => q,
    );

    const stream = await chat("Capital of the UK?");
    for await (const [chunk] of stream) void chunk;
    expect(stream.content).toBe("The capital of the UK is London.");
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0].url).toBe("https://api.openai.com/v1/chat/completions");
    expect(upstream.requests[0].headers.authorization).toBe("Bearer sk-real-openai");
    expect(JSON.stringify(upstream.requests[0].headers)).not.toContain("session-123");

    // A model the proxy does not allow is refused with a typed error, and never forwarded.
    const other = openai.call(
      { model: "gpt-4o", client: { baseURL: "https://my-worker.example/llm/openai", apiKey: sessionToken } },
      (q: string) => q,
    );
    const error = await other("Hi").catch((e: unknown) => e);
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 403 });
    expect(upstream.requests).toHaveLength(1);

    // No session: 401. Over the rate limit (the limiter allows two calls here): 429.
    const stranger = openai.call(
      { model: "gpt-4o-mini", retry: false, client: { baseURL: "https://my-worker.example/llm/openai", apiKey: "guess" } },
      (q: string) => q,
    );
    expect(await stranger("Hi").catch((e: unknown) => e)).toMatchObject({ status: 401 });
    const third = await chat("Again?").catch((e: unknown) => e);
    expect(RateLimitError.isInstance(third)).toBe(true);
    expect(upstream.requests).toHaveLength(1);
  });
});
