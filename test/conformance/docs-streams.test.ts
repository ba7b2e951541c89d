// Runs the samples of docs/streams.md verbatim against a recorded OpenAI stream.
import { describe, expect, it } from "vitest";
import { openai as realOpenai } from "promptcall/openai";
import { createReplayFetch } from "promptcall/testing";
import { fixtures } from "../fixtures/index.ts";
import { replayed } from "./support/docs-support.ts";

const recorded = fixtures["openai/chat_stream_text.sse"];
const text = "The capital of the UK is London.";

describe("docs/streams.md", () => {
  it("iterates a stream, then reads its totals", async () => {
    const replay = createReplayFetch({ body: recorded, chunking: { seed: 3, maxChunkSize: 40 } });
    const openai = replayed(realOpenai, replay);
    const logged: unknown[] = [];
    const console = { log: (value: unknown) => logged.push(value) };

    const stream = await openai.call({ model: "gpt-4o-mini", stream: true }, (topic: string) => `A haiku about ${topic}`)("rain");
    for await (const [chunk] of stream) {
      console.log(chunk.content); // each text delta
    }
    stream.content; // the whole text, after the loop
    stream.usage; // usage (OpenAI streams ask for it with stream_options.include_usage)
    stream.cost;
    stream.messageParam; // the assistant message for the history
    const response = stream.constructCallResponse(); // a full call response built from the chunks

    expect(logged.join("")).toBe(text);
    expect(logged.filter((d) => d !== "").length).toBeGreaterThan(3);
    expect(stream.content).toBe(text);
    expect(stream.usage).toMatchObject({ inputTokens: 78, outputTokens: 9, totalTokens: 87 });
    expect(stream.cost).toBeGreaterThan(0);
    expect(stream.messageParam).toMatchObject({ role: "assistant", content: text });
    expect(response.content).toBe(text);
    expect(response.finishReasons).toEqual(["stop"]);
    expect(replay.requests[0].json).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it("a Worker returns the stream as a text response, and a closed client cancels it", async () => {
    const replay = createReplayFetch((_request, index) => ({ body: recorded, chunking: { seed: index, maxChunkSize: 64 } }));
    const openai = replayed(realOpenai, replay);

    const worker = {
      async fetch(request: Request, env: { OPENAI_API_KEY: string }) {
        const { topic } = await request.json();
        const haiku = openai.call(
          { model: "gpt-4o-mini", stream: true, client: { apiKey: env.OPENAI_API_KEY } },
          (t: string) => `A haiku about ${t}`,
        );
        const stream = await haiku(topic);
        return stream.toResponse(); // text/plain, streamed; a closed client cancels the upstream call
      },
    };

    const post = () => new Request("https://worker.example/haiku", { method: "POST", body: JSON.stringify({ topic: "rain" }) });
    const env = { OPENAI_API_KEY: "sk-from-env" };
    const full = await worker.fetch(post(), env);
    expect(full.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await full.text()).toBe(text);
    expect(replay.requests[0].headers.authorization).toBe("Bearer sk-from-env");
    expect(replay.requests[0].json).toMatchObject({ messages: [{ role: "user", content: "A haiku about rain" }] });

    const partial = await worker.fetch(post(), env);
    const reader = partial.body!.getReader();
    await reader.read();
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(replay.requests[0].signal?.aborted).toBe(false);
    expect(replay.requests[1].signal?.aborted).toBe(true); // the upstream request was aborted
  });
});
