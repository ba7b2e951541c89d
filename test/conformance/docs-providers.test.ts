// Runs the samples of docs/providers.md verbatim. Every request is answered by one replay fetch that
// routes by host to recorded responses of the provider it reaches.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, FallbackError, llm as realLlm, messages, type BaseMessageParam } from "promptcall";
import { openai as realOpenai, groq as realGroq, ollama as realOllama, openaiCompatible as realOpenaiCompatible } from "promptcall/openai";
import { anthropic as realAnthropic } from "promptcall/anthropic";
import { google as realGoogle } from "promptcall/google";
import { createReplayFetch, type ReplayFetch, type ReplayResponse } from "promptcall/testing";
import { fixtures } from "../fixtures/index.ts";
import { replayed } from "./support/docs-support.ts";

type Fetch = typeof globalThis.fetch;

/** `llm` whose calls (and so their overrides and fallbacks) answer from `fetch`. */
function llmWith(fetch: Fetch): typeof realLlm {
  const client = (c?: object) => ({ fetch, apiKey: "test-key", ...c });
  const call = (o: any, fn: any) => realLlm.call({ ...o, client: client(o.client) }, fn);
  // A client never moves to another provider, so each override target gets the test client too.
  const override = (c: any, t: any) => realLlm.override(c, { ...t, client: client(t.client) });
  const fallback = (c: any, alts: any[]) =>
    realLlm.fallback(
      c,
      alts.map((t) => ({ ...t, client: client(t.client) })),
    );
  return {
    ...realLlm,
    call: call as typeof realLlm.call,
    override: override as typeof realLlm.override,
    fallback: fallback as typeof realLlm.fallback,
  };
}

type Host = "openai" | "anthropic" | "google" | "other";
const hostOf = (url: string): Host =>
  url.startsWith("https://api.openai.com/")
    ? "openai"
    : url.startsWith("https://api.anthropic.com/")
      ? "anthropic"
      : url.startsWith("https://generativelanguage.googleapis.com/")
        ? "google"
        : "other";

/** A replay fetch answering each provider's requests with its own list (the last answer repeats). */
function router(answers: Partial<Record<Host, ReplayResponse[]>>): ReplayFetch {
  const served: Record<string, number> = {};
  return createReplayFetch((request) => {
    const host = hostOf(request.url);
    const list = answers[host];
    if (!list) throw new Error(`no answers scripted for ${request.url}`);
    const index = served[host] ?? 0;
    served[host] = index + 1;
    return list[Math.min(index, list.length - 1)];
  });
}

const ok = {
  openai: { body: fixtures["openai/chat_text.json"] },
  anthropic: { body: fixtures["anthropic/text.json"] },
  google: { body: fixtures["gemini/generate_text.json"] },
} satisfies Record<string, ReplayResponse>;
const soon = { "retry-after-ms": "1" };
const down = {
  openai: { status: 503, headers: soon, body: '{"error":{"message":"The server is overloaded.","type":"server_error"}}' },
  anthropic: { status: 529, headers: soon, body: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}' },
  google: { status: 503, headers: soon, body: '{"error":{"code":503,"message":"The model is overloaded.","status":"UNAVAILABLE"}}' },
} satisfies Record<string, ReplayResponse>;

const openaiText = JSON.parse(fixtures["openai/chat_text.json"]).choices[0].message.content as string;
const claudeText = "Hi there! How are you doing today? Is there anything I can help you with?";
const geminiText = "Hello! How can I help you today?";

/** The recorded Gemini answer with `text` as its only part. */
function geminiSaying(text: string): ReplayResponse {
  const body = JSON.parse(fixtures["gemini/generate_text.json"]);
  body.candidates[0].content.parts = [{ text }];
  return { body: JSON.stringify(body) };
}

describe("docs/providers.md", () => {
  it("one prompt, three providers", async () => {
    const replay = router({ openai: [ok.openai], anthropic: [ok.anthropic], google: [ok.google] });
    const openai = replayed(realOpenai, replay, "test-key");
    const anthropic = replayed(realAnthropic, replay, "test-key");
    const google = replayed(realGoogle, replay, "test-key");

    const recommend = (genre: string) => `Recommend a ${genre} book`;
    const viaOpenAI = openai.call({ model: "gpt-4o-mini" }, recommend);
    const viaClaude = anthropic.call({ model: "claude-haiku-4-5" }, recommend);
    const viaGemini = google.call({ model: "gemini-2.5-flash" }, recommend);

    const answers = await Promise.all([viaOpenAI("fantasy"), viaClaude("fantasy"), viaGemini("fantasy")]);
    answers.map((r) => r.content); // three texts
    answers.map((r) => r.finishReasons); // [["stop"], ["end_turn"], ["STOP"]] — each provider's own words
    answers.map((r) => r.commonFinishReasons); // [["stop"], ["stop"], ["stop"]]

    expect(answers.map((r) => r.content)).toEqual([openaiText, claudeText, geminiText]);
    expect(answers.map((r) => r.finishReasons)).toEqual([["stop"], ["end_turn"], ["STOP"]]);
    expect(answers.map((r) => r.commonFinishReasons)).toEqual([["stop"], ["stop"], ["stop"]]);
    const [toOpenAI, toClaude, toGemini] = (["openai", "anthropic", "google"] as const).map(
      (h) => replay.requests.find((r) => hostOf(r.url) === h)!,
    );
    expect(toOpenAI.url).toBe("https://api.openai.com/v1/chat/completions");
    expect(toOpenAI.headers.authorization).toBe("Bearer test-key");
    expect(toClaude.url).toBe("https://api.anthropic.com/v1/messages");
    expect(toClaude.headers["x-api-key"]).toBe("test-key");
    expect(toGemini.url).toBe("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent");
    expect(toGemini.headers["x-goog-api-key"]).toBe("test-key");
    expect(toClaude.json).toMatchObject({ model: "claude-haiku-4-5", messages: [{ role: "user", content: "Recommend a fantasy book" }] });
    expect(toGemini.json).toMatchObject({ contents: [{ role: "user", parts: [{ text: "Recommend a fantasy book" }] }] });
  });

  it("OpenAI-compatible presets", async () => {
    const replay = createReplayFetch(() => ok.openai);
    const groq = replayed(realGroq, replay, "test-key");
    const ollama = replayed(realOllama, replay, null);
    const openaiCompatible = (options: Parameters<typeof realOpenaiCompatible>[0]) => replayed(realOpenaiCompatible(options), replay, null);

    const fast = groq.call({ model: "llama-3.3-70b-versatile" }, (q: string) => q); // key: GROQ_API_KEY
    const local = ollama.call({ model: "llama3.2" }, (q: string) => q); // http://localhost:11434/v1, no key
    const vllm = openaiCompatible({ name: "vllm", baseURL: "http://localhost:8000/v1" });
    const ask = vllm.call({ model: "Qwen/Qwen2.5-7B-Instruct" }, (q: string) => q);

    const results = [await fast("hi"), await local("hi"), await ask("hi")];
    expect(results.map((r) => r.provider)).toEqual(["groq", "ollama", "vllm"]);
    expect(results.map((r) => r.content)).toEqual([openaiText, openaiText, openaiText]);
    expect(replay.requests.map((r) => r.url)).toEqual([
      "https://api.groq.com/openai/v1/chat/completions",
      "http://localhost:11434/v1/chat/completions",
      "http://localhost:8000/v1/chat/completions",
    ]);
    expect(replay.requests.map((r) => r.headers.authorization)).toEqual(["Bearer test-key", undefined, undefined]);
    expect(replay.requests[2].json).toMatchObject({ model: "Qwen/Qwen2.5-7B-Instruct" });
  });

  it("llm.call with a provider name", async () => {
    const replay = router({ anthropic: [ok.anthropic] });
    const llm = llmWith(replay);

    const recommend = llm.call({ provider: "anthropic", model: "claude-haiku-4-5" }, (genre: string) => `Recommend a ${genre} book`);
    const response = await recommend("fantasy"); // LLMCallResponse
    response.content;
    response.provider; // "anthropic"
    response.finishReasons; // ["stop"] — always the common finish reasons
    response.messageParam; // { role: "assistant", content: "…" } — provider-neutral
    response.response; // the AnthropicCallResponse underneath, with everything provider-specific

    expect(response.content).toBe(claudeText);
    expect(response.provider).toBe("anthropic");
    expect(response.finishReasons).toEqual(["stop"]);
    expect(response.messageParam).toEqual({ role: "assistant", content: claudeText });
    expect(response.response.finishReasons).toEqual(["end_turn"]);
    expect(response.response.constructor.name).toBe("AnthropicCallResponse");
    expect(replay.requests[0].json).toMatchObject({ model: "claude-haiku-4-5" });
  });

  it("the provider/model shorthand needs a known provider", () => {
    expect(() => realLlm.call({ model: "gpt-4o-mini" }, () => "x")).toThrow(TypeError);
    expect(() => realLlm.call({ model: "meta-llama/llama-3.3-70b-instruct" }, () => "x")).toThrow(/provider\/model/);
    expect(() => realLlm.call({ provider: realGroq, model: "meta-llama/llama-3.3-70b-instruct" }, () => "x")).not.toThrow();
  });

  it("llm.call streams and parses structured outputs", async () => {
    const replay = router({
      anthropic: [{ body: fixtures["anthropic/stream_text_docs.sse"], chunking: { seed: 2, maxChunkSize: 30 } }],
      google: [geminiSaying('{"title":"Dune","author":"Frank Herbert"}')],
    });
    const llm = llmWith(replay);
    const rendered: string[] = [];
    const render = (text: string) => rendered.push(text);

    const stream = await llm.call({ model: "anthropic/claude-haiku-4-5", stream: true }, () => "Say hello")();
    for await (const [chunk] of stream) render(chunk.content);
    stream.finishReasons; // ["stop"]

    const Book = z.object({ title: z.string(), author: z.string() });
    const extractBook = llm.call({ model: "google/gemini-2.5-flash", responseModel: Book }, (text: string) => `Extract the book: ${text}`);
    const book = await extractBook("Dune, by Frank Herbert"); // { title: "Dune", author: "Frank Herbert" }

    expect(rendered.join("")).toBe("Hello!");
    expect(stream.finishReasons).toEqual(["stop"]);
    expect(stream.provider).toBe("anthropic");
    expect(book).toEqual({ title: "Dune", author: "Frank Herbert" });
    const [toClaude, toGemini] = replay.requests;
    expect(toClaude.json).toMatchObject({ model: "claude-haiku-4-5", stream: true });
    expect(toGemini.url).toBe("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent");
    expect(toGemini.json).toMatchObject({
      generationConfig: { responseMimeType: "application/json", responseJsonSchema: { type: "object" } },
    });
  });

  it("llm.override: the same call on another provider", async () => {
    const replay = router({ openai: [ok.openai], google: [ok.google] });
    const llm = llmWith(replay);
    const recommend = llm.call({ provider: "anthropic", model: "claude-haiku-4-5" }, (genre: string) => `Recommend a ${genre} book`);

    const onOpenAI = llm.override(recommend, { provider: "openai", model: "gpt-4o-mini" });
    const onGemini = llm.override(recommend, { model: "google/gemini-2.5-flash", callParams: { temperature: 0 } });
    const response = await onGemini("fantasy");
    response.provider; // "google"

    expect(response.provider).toBe("google");
    expect(response.content).toBe(geminiText);
    expect((await onOpenAI("sci-fi")).provider).toBe("openai");
    expect(replay.requests.map((r) => hostOf(r.url))).toEqual(["google", "openai"]);
    expect(replay.requests[0].json).toMatchObject({
      contents: [{ role: "user", parts: [{ text: "Recommend a fantasy book" }] }],
      generationConfig: { temperature: 0 },
    });
    expect(replay.requests[1].json).toMatchObject({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "Recommend a sci-fi book" }],
    });
  });

  const fallbackCases: {
    name: string;
    answers: Partial<Record<Host, ReplayResponse[]>>;
    logged: unknown[][];
    thrown?: unknown;
    hosts: Host[];
  }[] = [
    {
      name: "the first provider is overloaded",
      answers: { anthropic: [down.anthropic], openai: [ok.openai] },
      logged: [["answered by openai"]],
      hosts: ["anthropic", "anthropic", "anthropic", "openai"], // the call's own two retries come first
    },
    {
      name: "every provider is down",
      answers: { anthropic: [down.anthropic], openai: [down.openai], google: [down.google] },
      logged: [
        ["anthropic", "claude-haiku-4-5", expect.objectContaining({ name: "OverloadedError", status: 529 })],
        ["openai", "gpt-4o-mini", expect.objectContaining({ name: "OverloadedError", status: 503 })],
        ["google", expect.stringMatching(/gemini-2\.5-flash$/), expect.objectContaining({ name: "OverloadedError", status: 503 })],
      ],
      hosts: Array.from({ length: 9 }, (_, i) => (["anthropic", "openai", "google"] as const)[Math.floor(i / 3)]),
    },
    {
      name: "a bad request is not hidden",
      answers: {
        anthropic: [{ status: 400, body: '{"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: too large"}}' }],
      },
      logged: [],
      thrown: expect.objectContaining({ name: "BadRequestError", status: 400 }),
      hosts: ["anthropic"],
    },
  ];

  it("llm.fallback: another provider when one is down", async () => {
    for (const scenario of fallbackCases) {
      const replay = router(scenario.answers);
      const llm = llmWith(replay);
      const recommend = llm.call({ provider: "anthropic", model: "claude-haiku-4-5" }, (genre: string) => `Recommend a ${genre} book`);
      const logged: unknown[][] = [];
      const console = { log: (...values: unknown[]) => logged.push(values) };
      const thrown = await (async () => {
        const sturdy = llm.fallback(recommend, [{ provider: "openai", model: "gpt-4o-mini" }, { model: "google/gemini-2.5-flash" }]);
        try {
          const response = await sturdy("fantasy");
          console.log(`answered by ${response.provider}`);
        } catch (error) {
          if (!FallbackError.isInstance(error)) throw error;
          for (const attempt of error.attempts) console.log(attempt.provider, attempt.model, attempt.error);
        }
      })().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect({ name: scenario.name, logged, thrown }).toEqual({ name: scenario.name, logged: scenario.logged, thrown: scenario.thrown });
      expect(replay.requests.map((r) => hostOf(r.url))).toEqual(scenario.hosts);
    }
  });

  it("a conversation across providers", async () => {
    const replay = router({ openai: [{ body: fixtures["openai/chat_tool_call.json"] }], anthropic: [ok.anthropic] });
    const llm = llmWith(replay);

    const getCapital = defineTool({
      name: "get_capital",
      description: "The capital of a country",
      parameters: z.object({ country: z.string() }),
      call: ({ country }) => (country === "England" ? "London" : "unknown"),
    });
    const chat = llm.call({ model: "openai/gpt-4o-mini", tools: [getCapital] }, (history: BaseMessageParam[]) => history);

    const history: BaseMessageParam[] = [messages.user("What is the capital of England?")];
    const first = await chat(history); // OpenAI asks for get_capital
    history.push(first.messageParam, ...first.toolMessageParams(await first.executeTools()));
    const second = await llm.override(chat, { model: "anthropic/claude-haiku-4-5" })(history); // Claude answers

    expect(first.provider).toBe("openai");
    expect(first.tool?.args).toEqual({ country: "England" });
    expect(second.provider).toBe("anthropic");
    expect(second.content).toBe(claudeText);
    expect((replay.requests[1].json as { messages: unknown[] }).messages).toEqual([
      { role: "user", content: "What is the capital of England?" },
      {
        role: "assistant",
        content: [{ type: "tool_use", id: "call_SkEQ3ZGSJC8m6AvaIGNuuKdm", name: "get_capital", input: { country: "England" } }],
      },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "call_SkEQ3ZGSJC8m6AvaIGNuuKdm", content: "London" }] },
    ]);
  });
});
