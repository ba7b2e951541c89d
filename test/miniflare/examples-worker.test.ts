// examples/worker: the Worker bundled from dist/ by the example's own build script, run in plain
// miniflare (workerd, no compatibility flags) against the example's fake OpenAI server on 127.0.0.1.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEventStream } from "../../dist/browser.js";
import { bundleWorker } from "../../examples/worker/build.mjs";
import { shortReply, startFakeOpenAI, storyChunks, type FakeOpenAI } from "../../examples/worker/fake-openai.mjs";

const root = join(import.meta.dirname, "..", "..");
const post = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("examples/worker in plain miniflare", () => {
  let mf: Miniflare;
  let upstream: FakeOpenAI;
  let script: string;

  beforeAll(async () => {
    if (!existsSync(join(root, "dist", "index.js"))) throw new Error("dist/ is missing: run `npm run build` first");
    upstream = await startFakeOpenAI({ delayMs: 2 });
    script = await bundleWorker();
    const bindings = { OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: upstream.baseURL, PROXY_TOKEN: "from-the-page" };
    mf = new Miniflare({ modules: true, script, compatibilityDate: "2025-09-01", bindings });
    await mf.ready;
  }, 60_000);

  afterAll(async () => {
    await mf?.dispose();
    await upstream?.close();
  });

  it("POST /chat streams the reply as events; the upstream got the key and a streaming request", async () => {
    const response = await mf.dispatchFetch("http://worker.test/chat", post({ message: "Hello there" }));
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const seen: string[] = [];
    let text = "";
    for await (const event of readEventStream(response as unknown as Response)) {
      seen.push(event.type);
      if (event.type === "text") text += event.delta;
      if (event.type === "usage") expect(event.usage?.totalTokens).toBeGreaterThan(0);
    }
    expect(text).toBe(shortReply("Hello there"));
    expect(seen.slice(-2)).toEqual(["usage", "done"]);
    expect(seen.filter((t) => t === "text").length).toBeGreaterThan(5);
    const request = upstream.requests.at(-1)!;
    expect(request.authorization).toBe("Bearer sk-test");
    expect(request.body.model).toBe("gpt-4o-mini");
    expect(request.body.stream).toBe(true);
    expect(request.finished).toBe(true);
  });

  it("cancelling the response body mid-stream closes the upstream connection", async () => {
    const response = await mf.dispatchFetch("http://worker.test/chat", post({ message: "Tell me a story" }));
    const events = readEventStream(response as unknown as Response);
    const deltas: string[] = [];
    for await (const event of events) {
      if (event.type === "text") deltas.push(event.delta);
      if (deltas.length === 3) break; // breaking out of the loop cancels the body
    }
    const cancelledAt = performance.now();
    expect(deltas).toEqual(storyChunks().slice(0, 3));
    const request = upstream.requests.at(-1)!;
    const closedAt = await upstream.waitForClientClose(request, 5000);
    expect(closedAt, "the upstream never saw the connection close").toBeDefined();
    expect(closedAt! - cancelledAt).toBeLessThan(3000);
    expect(request.finished).toBe(false);
    expect(request.chunksSent).toBeLessThan(20);
  });

  // workerd drops a request's subrequests when its client disconnects, so the test above would pass
  // even if the Worker ignored the cancel. Node does no such teardown: run the same bundle's handler
  // there to check that cancelling its response body is what aborts the upstream request.
  it("the handler itself aborts the upstream request when its body is cancelled (same bundle, in Node)", async () => {
    const worker = (await import(`data:text/javascript;base64,${Buffer.from(script).toString("base64")}`)) as {
      default: { fetch(request: Request, env: Record<string, string>): Promise<Response> };
    };
    const env = { OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: upstream.baseURL };
    const response = await worker.default.fetch(new Request("http://worker.test/chat", post({ message: "A story, please" })), env);
    const reader = response.body!.getReader();
    let received = "";
    while (!received.includes("and then 2")) received += new TextDecoder().decode((await reader.read()).value);
    const request = upstream.requests.at(-1)!;
    await reader.cancel();
    expect(await upstream.waitForClientClose(request, 3000), "cancelling the body did not abort the upstream fetch").toBeDefined();
    expect(request.finished).toBe(false);
  });

  it("serves the page and its script", async () => {
    const page = await mf.dispatchFetch("http://worker.test/");
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain('<script type="module" src="/app.js">');
    const app = await mf.dispatchFetch("http://worker.test/app.js");
    expect(app.headers.get("content-type")).toContain("text/javascript");
    expect(await app.text()).toContain("/chat");
  });

  it("answers a bad body with a JSON error and never calls upstream", async () => {
    const before = upstream.requests.length;
    const response = await mf.dispatchFetch("http://worker.test/chat", post({ text: "no message field" }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe("invalid_message");
    expect(upstream.requests.length).toBe(before);
  });

  it("forwards /llm/openai/* for the allowed model with the key added, and refuses other models", async () => {
    const chat = (model: string) =>
      mf.dispatchFetch("http://worker.test/llm/openai/chat/completions", {
        ...post({ model, messages: [{ role: "user", content: "Hi" }] }),
        headers: { "content-type": "application/json", authorization: "Bearer from-the-page" },
      });
    const refused = await chat("gpt-4o");
    expect(refused.status).toBe(403);
    await refused.text();
    // Without the proxy token: 401, never forwarded.
    const before = upstream.requests.length;
    const stranger = await mf.dispatchFetch("http://worker.test/llm/openai/chat/completions", {
      ...post({ model: "gpt-4o-mini", messages: [] }),
      headers: { "content-type": "application/json", authorization: "Bearer guess" },
    });
    expect(stranger.status).toBe(401);
    await stranger.text();
    expect(upstream.requests.length).toBe(before);
    const forwarded = await chat("gpt-4o-mini");
    expect(forwarded.status).toBe(200);
    const body = (await forwarded.json()) as { choices: { message: { content: string } }[] };
    expect(body.choices[0].message.content).toBe(shortReply("Hi"));
    expect(upstream.requests.at(-1)!.authorization).toBe("Bearer sk-test");
  });
});
