// The Worker proxy: request-size limits, request.signal reaching the upstream fetch, streamed responses,
// and a promptcall provider pointed at the proxy.
import { describe, expect, it } from "vitest";
import { openai } from "../../src/providers/openai/index.ts";
import { createProxyHandler } from "../../src/worker/index.ts";

const KEY = "sk-server-SECRET";
const encoder = new TextEncoder();

/** A request-like object with headers and a body the test controls (runtimes disagree on content-length in `new Request`). */
function rawRequest(path: string, headers: Headers, body: ReadableStream<Uint8Array>): Request {
  if (!headers.has("content-type")) headers.set("content-type", "application/json");
  return {
    url: `https://worker.example${path}`,
    method: "POST",
    headers,
    body,
    signal: new AbortController().signal,
  } as unknown as Request;
}

function countingBody(chunks: number, size: number) {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulled === chunks) return controller.close();
        state.pulled++;
        controller.enqueue(new Uint8Array(size).fill(0x61));
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, state };
}

function okFetch() {
  let calls = 0;
  const fetch = async () => {
    calls++;
    return Response.json({ ok: true });
  };
  return { fetch, count: () => calls };
}

describe("proxy request-size limit", () => {
  it("rejects a declared content-length over the limit with 413 before reading the body", async () => {
    const upstream = okFetch();
    const handler = createProxyHandler({ providers: { anthropic: { apiKey: KEY } }, maxBodyBytes: 100, fetch: upstream.fetch });
    const { body, state } = countingBody(1, 10);
    const res = await handler(rawRequest("/llm/anthropic/messages", new Headers({ "content-length": "101" }), body));
    expect(res.status).toBe(413);
    expect((await res.json()).error.type).toBe("request_too_large");
    expect(state.pulled).toBe(0);
    expect(upstream.count()).toBe(0);
  });

  it("counts the bytes actually sent: a body larger than its content-length, or with none, gets 413", async () => {
    const upstream = okFetch();
    const handler = createProxyHandler({ providers: { anthropic: { apiKey: KEY } }, maxBodyBytes: 100, fetch: upstream.fetch });
    for (const headers of [new Headers({ "content-length": "10" }), new Headers()]) {
      const { body, state } = countingBody(5, 40);
      const res = await handler(rawRequest("/llm/anthropic/messages", headers, body));
      expect(res.status).toBe(413);
      expect(state.pulled).toBe(3);
      expect(state.cancelled).toBe(true);
    }
    // Exactly at the limit: 100 bytes of JSON in two reads.
    const json = encoder.encode(JSON.stringify({ model: "m", pad: "x".repeat(100 - 22) }));
    expect(json.byteLength).toBe(100);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(json.subarray(0, 50));
        controller.enqueue(json.subarray(50));
        controller.close();
      },
    });
    expect((await handler(rawRequest("/llm/anthropic/messages", new Headers(), body))).status).toBe(200);
    expect(upstream.count()).toBe(1);
  });
});

describe("proxy streaming", () => {
  it("passes request.signal to the upstream fetch: aborting the incoming request aborts upstream", async () => {
    let upstreamSignal: AbortSignal | undefined;
    const handler = createProxyHandler({
      providers: { openai: { apiKey: KEY } },
      fetch: async (_input, init) => {
        upstreamSignal = init?.signal ?? undefined;
        return new Response(new ReadableStream({ pull: () => new Promise(() => {}) }), {
          headers: { "content-type": "text/event-stream" },
        });
      },
    });
    const controller = new AbortController();
    const request = new Request("https://worker.example/llm/openai/chat/completions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-4o-mini", stream: true }),
      signal: controller.signal,
    });
    const res = await handler(request);
    expect(res.status).toBe(200);
    expect(upstreamSignal).toBeDefined();
    expect(upstreamSignal!.aborted).toBe(false);
    controller.abort(new Error("tab closed"));
    expect(upstreamSignal!.aborted).toBe(true);
    await res.body?.cancel().catch(() => undefined);
  });

  it("streams the upstream body back as it arrives, with status, content type and request id only", async () => {
    const events = ['data: {"n":1}\n\n', 'data: {"n":2}\n\n', "data: [DONE]\n\n"];
    let sent = 0;
    const handler = createProxyHandler({
      providers: { openai: { apiKey: KEY } },
      fetch: async () =>
        new Response(
          new ReadableStream<Uint8Array>(
            {
              pull(controller) {
                if (sent === events.length) return controller.close();
                controller.enqueue(encoder.encode(events[sent++]));
              },
            },
            { highWaterMark: 0 },
          ),
          {
            status: 200,
            headers: { "content-type": "text/event-stream", "x-request-id": "req_42", "set-cookie": "a=b", "openai-organization": "org-x" },
          },
        ),
    });
    const res = await handler(
      new Request("https://worker.example/llm/openai/chat/completions", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    expect(res.headers.get("x-request-id")).toBe("req_42");
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.headers.get("openai-organization")).toBeNull();
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe(events[0]);
    expect(sent).toBeLessThan(events.length);
    let rest = "";
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest += new TextDecoder().decode(r.value);
    expect(rest).toBe(events.slice(1).join(""));
  });

  it("serves a promptcall OpenAI call whose baseURL points at the proxy", async () => {
    const seen: { url: string; auth: string | null; model: unknown }[] = [];
    const handler = createProxyHandler({
      providers: { openai: { apiKey: KEY, models: ["gpt-4o-mini"] } },
      fetch: async (input, init) => {
        const headers = new Headers(init?.headers);
        seen.push({
          url: String(input),
          auth: headers.get("authorization"),
          model: JSON.parse(new TextDecoder().decode(init?.body as Uint8Array)).model,
        });
        return Response.json({
          id: "chatcmpl-1",
          object: "chat.completion",
          created: 1,
          model: "gpt-4o-mini",
          choices: [{ index: 0, message: { role: "assistant", content: "Hi from upstream" }, finish_reason: "stop" }],
          usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
        });
      },
    });
    const client = {
      baseURL: "https://my-worker.example/llm/openai",
      apiKey: "unused",
      fetch: (input: RequestInfo | URL, init?: RequestInit) => handler(new Request(input, init)),
    };
    const response = await openai.call({ model: "gpt-4o-mini", client }, () => "hello")();
    expect(response.content).toBe("Hi from upstream");
    expect(seen).toEqual([{ url: "https://api.openai.com/v1/chat/completions", auth: `Bearer ${KEY}`, model: "gpt-4o-mini" }]);
    const refused = await openai
      .call({ model: "gpt-4o", client, retry: false }, () => "hello")()
      .catch((e) => e);
    expect(refused.status).toBe(403);
    expect(refused.message).toMatch(/not allowed/);
  });
});
