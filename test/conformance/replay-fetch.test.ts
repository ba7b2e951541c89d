// The replay fetch of promptcall/testing: scripted answers, recorded requests, seeded re-chunking.
import { describe, expect, it } from "vitest";
import { createReplayFetch, fixtureResponse } from "../../src/testing/replay-fetch.ts";
import { seededRandom } from "../../src/testing/seeded-random.ts";
import { splitBytes } from "../../src/testing/split-bytes.ts";
import { sseEvents } from "../../src/web-streams/sse-events.ts";
import { fixtures } from "../fixtures/index.ts";

const URL_ = "https://api.example.test/v1/chat";

/** Every chunk of a response body, as delivered. */
async function chunksOf(response: Response): Promise<Uint8Array[]> {
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  while (true) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

function join(chunks: Uint8Array[]): string {
  const decoder = new TextDecoder();
  return chunks.map((c) => decoder.decode(c, { stream: true })).join("") + decoder.decode();
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("createReplayFetch: requests", () => {
  it("records method, URL, lower-cased headers, body text and parsed JSON", async () => {
    const replay = createReplayFetch({ body: "{}" });
    await replay(URL_, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer test" },
      body: JSON.stringify({ model: "m", messages: [{ role: "user", content: "hé" }] }),
    });
    expect(replay.requests).toHaveLength(1);
    const [request] = replay.requests;
    expect(request.method).toBe("POST");
    expect(request.url).toBe(URL_);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers.authorization).toBe("Bearer test");
    expect(request.json).toEqual({ model: "m", messages: [{ role: "user", content: "hé" }] });
    expect(request.body).toBe('{"model":"m","messages":[{"role":"user","content":"hé"}]}');
  });

  it("accepts a Request or a URL, and leaves json undefined for a missing or non-JSON body", async () => {
    const replay = createReplayFetch(() => ({ body: "{}" }));
    await replay(new URL(`${URL_}?a=1`));
    await replay(new Request(URL_, { method: "PUT", body: "not json", headers: { "X-Key": "k" } }));
    expect(replay.requests[0]).toMatchObject({ method: "GET", url: `${URL_}?a=1`, body: "", json: undefined });
    expect(replay.requests[1]).toMatchObject({ method: "PUT", body: "not json", json: undefined });
    expect(replay.requests[1].headers["x-key"]).toBe("k");
  });
});

describe("createReplayFetch: responses", () => {
  it("serves a list in order with its status and headers, then fails clearly", async () => {
    const replay = createReplayFetch([
      { status: 429, body: '{"error":{"message":"slow down"}}', headers: { "retry-after": "1" } },
      { body: '{"ok":true}' },
    ]);
    const first = await replay(URL_, { method: "POST", body: "{}" });
    expect(first.status).toBe(429);
    expect(first.ok).toBe(false);
    expect(first.headers.get("retry-after")).toBe("1");
    expect(first.headers.get("content-type")).toBe("application/json");
    expect(await first.json()).toEqual({ error: { message: "slow down" } });
    const second = await replay(URL_);
    expect(second.status).toBe(200);
    expect(second.url).toBe(URL_);
    expect(await second.json()).toEqual({ ok: true });
    const error = (await rejection(replay(URL_, { method: "POST" }))) as Error;
    expect(error.message).toContain("request 3 (POST https://api.example.test/v1/chat) has no scripted response");
    expect(error.message).toContain("2 were scripted");
  });

  it("serves a single response once; a function answers any number with the request and index", async () => {
    const once = createReplayFetch({ body: "{}" });
    await once(URL_);
    await expect(once(URL_)).rejects.toThrow(/no scripted response/);

    const replay = createReplayFetch((request, index) => ({ body: JSON.stringify({ index, url: request.url }) }));
    for (let i = 0; i < 3; i++) expect(await (await replay(URL_)).json()).toEqual({ index: i, url: URL_ });
  });

  it("defaults the content type from the body and keeps an explicit one", async () => {
    const replay = createReplayFetch(() => ({ body: "" }));
    const types = async (body: string, headers?: Record<string, string>) => {
      const scripted = createReplayFetch({ body, headers });
      return (await scripted(URL_)).headers.get("content-type");
    };
    expect(await types("data: {}\n\n")).toBe("text/event-stream");
    expect(await types("event: ping\ndata: {}\n\n")).toBe("text/event-stream");
    expect(await types(": comment\n\n")).toBe("text/event-stream");
    expect(await types('{"data": 1}')).toBe("application/json");
    expect(await types("data: x\n\n", { "Content-Type": "text/plain" })).toBe("text/plain");
    expect((await replay(URL_)).headers.get("content-type")).toBe("application/json");
  });

  it("gives a 204 no body", async () => {
    const response = await createReplayFetch({ status: 204 })(URL_);
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it("rejects with a scripted network error, and errors the body with a scripted bodyError", async () => {
    const networkFailure = new TypeError("fetch failed");
    const dropped = new TypeError("terminated");
    const replay = createReplayFetch([{ error: networkFailure }, { body: "data: 1\n\n", bodyError: dropped }]);
    expect(await rejection(replay(URL_))).toBe(networkFailure);
    const response = await replay(URL_);
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("data: 1\n\n");
    expect(await rejection(reader.read())).toBe(dropped);
  });

  it("fixtureResponse serves recorded text, re-chunked when given a seed", async () => {
    const text = fixtures["openai/chat_stream_text.sse"];
    const replay = createReplayFetch([fixtureResponse(text), fixtureResponse(text, { seed: 5, maxChunkSize: 9, status: 200 })]);
    const whole = await chunksOf(await replay(URL_));
    const cut = await chunksOf(await replay(URL_));
    expect(whole).toHaveLength(1);
    expect(cut.length).toBeGreaterThan(text.length / 9);
    expect(join(whole)).toBe(text);
    expect(join(cut)).toBe(text);
  });
});

describe("createReplayFetch: chunking", () => {
  const text = 'data: {"t":"héllo 👋 世界"}\r\n\r\n'.repeat(8);
  const bytes = new TextEncoder().encode(text);

  it("serves a string whole, and an array as exactly its chunks", async () => {
    const replay = createReplayFetch([{ body: text }, { body: ["data: a", new TextEncoder().encode("\n\n"), "data: b\n\n"] }]);
    expect((await chunksOf(await replay(URL_))).length).toBe(1);
    expect((await chunksOf(await replay(URL_))).map((c) => c.length)).toEqual([7, 2, 9]);
  });

  it("cuts the same way for the same seed, differently for another, never losing a byte", async () => {
    const sizes = async (seed: number) => {
      const chunks = await chunksOf(await createReplayFetch({ body: text, chunking: { seed, maxChunkSize: 6 } })(URL_));
      expect(join(chunks)).toBe(text);
      expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(6);
      return chunks.map((c) => c.length);
    };
    expect(await sizes(1)).toEqual(await sizes(1));
    expect(await sizes(1)).not.toEqual(await sizes(2));
  });

  it("cuts inside multi-byte characters and between \\r and \\n for some seeds", async () => {
    let insideCharacter = 0;
    let betweenCrLf = 0;
    for (let seed = 0; seed < 20; seed++) {
      let at = 0;
      for (const chunk of splitBytes(bytes, { seed, maxChunkSize: 5 })) {
        at += chunk.length;
        if (at < bytes.length && (bytes[at] & 0xc0) === 0x80) insideCharacter++;
        if (bytes[at - 1] === 13 && bytes[at] === 10) betweenCrLf++;
      }
    }
    expect(insideCharacter).toBeGreaterThan(0);
    expect(betweenCrLf).toBeGreaterThan(0);
  });

  it("decodes to the same events however it cuts", async () => {
    const replay = createReplayFetch((_, index) => ({
      body: text,
      chunking: index === 0 ? "whole" : { seed: index, maxChunkSize: 1 + (index % 7) },
    }));
    const decode = async () => {
      const out: string[] = [];
      for await (const event of sseEvents((await replay(URL_)).body!)) out.push(event.data);
      return out;
    };
    const whole = await decode();
    expect(whole).toHaveLength(8);
    for (let i = 1; i <= 20; i++) expect(await decode()).toEqual(whole);
  });

  it("has a deterministic PRNG in [0, 1)", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(values);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBe(100);
    expect(seededRandom(43)()).not.toBe(values[0]);
  });
});

describe("createReplayFetch: abort and cancel", () => {
  it("rejects with the reason of an already-aborted signal and records nothing", async () => {
    const replay = createReplayFetch({ body: "{}" });
    const reason = new Error("aborted early");
    expect(await rejection(replay(URL_, { signal: AbortSignal.abort(reason) }))).toBe(reason);
    expect(replay.requests).toHaveLength(0);
  });

  it("rejects when aborted during delayMs", async () => {
    const replay = createReplayFetch({ body: "{}", delayMs: 1000 });
    const controller = new AbortController();
    const pending = replay(URL_, { signal: controller.signal });
    const reason = new Error("gave up");
    setTimeout(() => controller.abort(reason), 10);
    const started = Date.now();
    expect(await rejection(pending)).toBe(reason);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("errors the body with the signal's reason when aborted after the response", async () => {
    const replay = createReplayFetch({ body: ["data: 1\n\n", "data: 2\n\n"] });
    const controller = new AbortController();
    const response = await replay(URL_, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    const reason = new Error("stop now");
    controller.abort(reason);
    expect(await rejection(reader.read())).toBe(reason);
  });

  it("marks a request whose body the consumer cancelled", async () => {
    const replay = createReplayFetch([{ body: ["a", "b"] }, { body: ["a", "b"] }]);
    await (await replay(URL_)).body!.cancel();
    await (await replay(URL_)).text();
    expect(replay.requests.map((r) => r.cancelled)).toEqual([true, false]);
    expect(replay.cancelled).toBe(1);
  });
});

describe("createReplayFetch: abort while answering", () => {
  it("rejects when the signal aborts while the request body is being read", async () => {
    const controller = new AbortController();
    const reason = new Error("aborted mid-request");
    const replay = createReplayFetch(async () => {
      controller.abort(reason);
      return { body: "{}" };
    });
    expect(await rejection(replay(URL_, { method: "POST", body: "{}", signal: controller.signal }))).toBe(reason);
  });
});
