// Runs the samples of docs/testing.md verbatim. They check themselves (they throw when something is
// off); the expects after each sample make sure they really ran.
import { describe, expect, it } from "vitest";
import { createReplayFetch, createScriptedProvider } from "promptcall/testing";
import { sseEvents } from "promptcall/provider";
import { openai } from "promptcall/openai";

describe("docs/testing.md", () => {
  it("a replayed stream, start to finish", async () => {
    // A recorded OpenAI-style stream. Any text works: paste a real body, or import one from a file.
    const recorded =
      'data: {"choices":[{"delta":{"content":"Héllo "}}]}\n\n' +
      'data: {"choices":[{"delta":{"content":"wörld 👋"}}]}\n\n' +
      "data: [DONE]\n\n";

    const fetch = createReplayFetch({
      body: recorded,
      headers: { "x-request-id": "req_1" },
      chunking: { seed: 7, maxChunkSize: 3 }, // cut into 1–3 byte pieces, the same way on every run
    });

    const response = await fetch("https://api.openai.com/v1/chat/completions", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer test-key" },
      body: JSON.stringify({ model: "gpt-4o-mini", stream: true, messages: [] }),
    });

    let text = "";
    for await (const event of sseEvents(response.body!)) {
      if (event.data === "[DONE]") break;
      text += JSON.parse(event.data).choices[0].delta.content;
    }

    if (text !== "Héllo wörld 👋") throw new Error(`unexpected text: ${text}`);
    if (response.headers.get("content-type") !== "text/event-stream") throw new Error("wrong content type");

    const [request] = fetch.requests;
    if (request.method !== "POST" || request.headers.authorization !== "Bearer test-key") throw new Error("request not recorded");
    if ((request.json as { model: string }).model !== "gpt-4o-mini") throw new Error("body not parsed");
    // `break` stopped reading before the body ended, so the body was cancelled, as a real fetch would be.
    if (!request.cancelled || fetch.cancelled !== 1) throw new Error("cancel not recorded");

    expect(text).toBe("Héllo wörld 👋");
    expect(fetch.requests).toHaveLength(1);
    expect(request.cancelled).toBe(true);
  });

  it("with a provider", async () => {
    const fetch = createReplayFetch({
      body: JSON.stringify({
        id: "chatcmpl-1",
        object: "chat.completion",
        model: "gpt-4o-mini",
        choices: [{ index: 0, message: { role: "assistant", content: "Try The Hobbit." }, finish_reason: "stop" }],
        usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 },
      }),
    });

    const recommend = openai.call(
      { model: "gpt-4o-mini", client: { apiKey: "test-key", fetch } },
      (genre: string) => `Recommend a ${genre} book`,
    );
    const response = await recommend("fantasy");

    if (response.content !== "Try The Hobbit.") throw new Error("unexpected content");
    if (fetch.requests.length !== 1) throw new Error("expected one request");

    expect(response.content).toBe("Try The Hobbit.");
    expect(response.usage).toMatchObject({ inputTokens: 12, outputTokens: 5, totalTokens: 17 });
    expect(fetch.requests[0].headers.authorization).toBe("Bearer test-key");
  });

  it("a scripted provider: no wire format at all", async () => {
    const scripted = createScriptedProvider([{ text: "Try Dune.", usage: { inputTokens: 5, outputTokens: 3 } }]);
    const suggest = scripted.call({ model: "scripted-1" }, (genre: string) => `Recommend a ${genre} book`);
    const suggestion = await suggest("science fiction");
    if (suggestion.content !== "Try Dune.") throw new Error(`unexpected reply: ${suggestion.content}`);
    if (scripted.fetch.requests.length !== 1) throw new Error("request not recorded");

    expect(suggestion.content).toBe("Try Dune.");
    expect(suggestion.usage?.outputTokens).toBe(3);
    expect(JSON.stringify(scripted.fetch.requests[0].messages)).toContain("Recommend a science fiction book");
  });

  it("fifty seeds, fifty ways to cut the same body", async () => {
    const body = "event: delta\r\ndata: 世界\r\n\r\nevent: delta\r\ndata: 🌍\r\n\r\n";
    const fetch = createReplayFetch((_request, index) => ({ body, chunking: { seed: index, maxChunkSize: 4 } }));

    for (let seed = 0; seed < 50; seed++) {
      const events: string[] = [];
      for await (const event of sseEvents((await fetch("https://example.test/stream")).body!)) events.push(event.data);
      if (events.join("|") !== "世界|🌍") throw new Error(`seed ${seed}: ${events.join("|")}`);
    }

    expect(fetch.requests).toHaveLength(50);
  });

  it("aborting after the response errors the body with the reason", async () => {
    const fetch = createReplayFetch({ body: ["data: 1\n\n", "data: 2\n\n"] });
    const controller = new AbortController();
    const response = await fetch("https://example.test/stream", { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();

    const reason = new Error("user pressed stop");
    controller.abort(reason);
    const failure = await reader.read().then(
      () => undefined,
      (error: unknown) => error,
    );
    if (failure !== reason) throw new Error("the body should fail with the abort reason");

    expect(failure).toBe(reason);
  });
});
