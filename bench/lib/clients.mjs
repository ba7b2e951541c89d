// The clients measured by the benchmarks. Each factory takes the server's baseURL
// (".../v1") and returns `run()`, which makes one call, consumes it the way a user would, and
// returns what it received ({ text, chunks }) so the runner can check nothing was lost.
// Every client uses the runtime's global fetch (undici in Node), so the transport is the same.
import { pathToFileURL } from "node:url";
import { z } from "zod";

const PROMPT = "hi";
const MODEL = "gpt-4o-mini";
const CLAUDE = "claude-haiku-4-5";

// promptcall is loaded from a snapshot of the root's dist/ (run.mjs copies it to bench/out/dist so a
// rebuild during the run cannot change what is measured); PROMPTCALL_DIST overrides the folder.
const distDir = process.env.PROMPTCALL_DIST ? pathToFileURL(`${process.env.PROMPTCALL_DIST}/`) : new URL("../../dist/", import.meta.url);
const dist = (entry) => new URL(`${entry}.js`, distDir).href;

/** The schema of the JSON document served by the `oai-json` route (payloads.catalogueJson). */
export const Catalogue = z.object({
  title: z.string(),
  count: z.number(),
  books: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      author: z.string(),
      year: z.number(),
      rating: z.number(),
      available: z.boolean(),
      tags: z.array(z.string()),
      summary: z.string(),
    }),
  ),
});

/** Reads SSE `data` with fetch + TextDecoderStream + EventSourceParserStream, the baseline. */
async function rawEvents(url, body, headers, onData) {
  const { EventSourceParserStream } = await import("eventsource-parser/stream");
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    if (onData(value.data, value.event) === false) {
      await reader.cancel();
      return;
    }
  }
}

export const streamClients = {
  /** Reads the body's bytes and nothing else: the floor set by fetch and the server. */
  async "fetch (drain bytes only)"(base) {
    return async () => {
      const res = await fetch(`${base}/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: MODEL, stream: true }),
      });
      const reader = res.body.getReader();
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return { bytes };
        bytes += value.length;
      }
    };
  },

  /** The baseline the target is stated against. */
  async "raw: fetch + EventSourceParserStream + JSON.parse"(base) {
    return async () => {
      let text = "";
      let chunks = 0;
      await rawEvents(
        `${base}/chat/completions`,
        { model: MODEL, messages: [{ role: "user", content: PROMPT }], stream: true },
        {},
        (data) => {
          if (data === "[DONE]") return false;
          const json = JSON.parse(data);
          chunks++;
          text += json.choices[0]?.delta?.content ?? "";
        },
      );
      return { text, chunks };
    };
  },

  /** A leaner baseline: one reader loop, TextDecoder, eventsource-parser's callback API. */
  async "raw: fetch + createParser callback + JSON.parse"(base) {
    const { createParser } = await import("eventsource-parser");
    return async () => {
      const res = await fetch(`${base}/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: MODEL, messages: [{ role: "user", content: PROMPT }], stream: true }),
      });
      let text = "";
      let chunks = 0;
      const parser = createParser({
        onEvent(event) {
          if (event.data === "[DONE]") return;
          const json = JSON.parse(event.data);
          chunks++;
          text += json.choices[0]?.delta?.content ?? "";
        },
      });
      const decoder = new TextDecoder();
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.feed(decoder.decode(value, { stream: true }));
      }
      return { text, chunks };
    };
  },

  async promptcall(base) {
    const { openai } = await import(dist("openai"));
    const call = openai.call({ model: MODEL, stream: true, client: { baseURL: base, apiKey: "x" } }, (q) => q);
    return async () => {
      const stream = await call(PROMPT);
      let text = "";
      let chunks = 0;
      for await (const [chunk] of stream) {
        chunks++;
        text += chunk.content;
      }
      return { text, chunks };
    };
  },

  async "openai 6 (SDK)"(base) {
    const { default: OpenAI } = await import("openai");
    const client = new OpenAI({ baseURL: base, apiKey: "x", maxRetries: 0 });
    return async () => {
      const stream = await client.chat.completions.create({ model: MODEL, messages: [{ role: "user", content: PROMPT }], stream: true });
      let text = "";
      let chunks = 0;
      for await (const chunk of stream) {
        chunks++;
        text += chunk.choices[0]?.delta?.content ?? "";
      }
      return { text, chunks };
    };
  },

  async "AI SDK 6 streamText"(base) {
    const { streamText } = await import("ai");
    const { createOpenAI } = await import("@ai-sdk/openai");
    const provider = createOpenAI({ baseURL: base, apiKey: "x" });
    return async () => {
      const result = streamText({ model: provider.chat(MODEL), prompt: PROMPT, maxRetries: 0 });
      return collectText(result.textStream);
    };
  },
};

export const anthropicClients = {
  async "raw: fetch + EventSourceParserStream + JSON.parse"(base) {
    return async () => {
      let text = "";
      let chunks = 0;
      await rawEvents(
        `${base}/messages`,
        { model: CLAUDE, max_tokens: 1024, messages: [{ role: "user", content: PROMPT }], stream: true },
        { "x-api-key": "x", "anthropic-version": "2023-06-01" },
        (data, event) => {
          const json = JSON.parse(data);
          if (event === "content_block_delta" && json.delta.type === "text_delta") {
            chunks++;
            text += json.delta.text;
          }
        },
      );
      return { text, chunks };
    };
  },

  async promptcall(base) {
    const { anthropic } = await import(dist("anthropic"));
    const call = anthropic.call({ model: CLAUDE, stream: true, client: { baseURL: base, apiKey: "x" } }, (q) => q);
    return async () => {
      const stream = await call(PROMPT);
      let text = "";
      let chunks = 0;
      for await (const [chunk] of stream) {
        if (!chunk.content) continue;
        chunks++;
        text += chunk.content;
      }
      return { text, chunks };
    };
  },

  async "@anthropic-ai/sdk 1 (create, stream: true)"(base) {
    const { default: Anthropic } = await import("@anthropic-ai/sdk");
    const client = new Anthropic({ baseURL: base.replace(/\/v1$/, ""), apiKey: "x", maxRetries: 0 });
    return async () => {
      const stream = await client.messages.create({
        model: CLAUDE,
        max_tokens: 1024,
        messages: [{ role: "user", content: PROMPT }],
        stream: true,
      });
      let text = "";
      let chunks = 0;
      for await (const event of stream) {
        if (event.type === "content_block_delta" && event.delta.type === "text_delta") {
          chunks++;
          text += event.delta.text;
        }
      }
      return { text, chunks };
    };
  },

  async "AI SDK 6 streamText (@ai-sdk/anthropic)"(base) {
    const { streamText } = await import("ai");
    const { createAnthropic } = await import("@ai-sdk/anthropic");
    const provider = createAnthropic({ baseURL: base, apiKey: "x" });
    return async () => {
      const result = streamText({ model: provider(CLAUDE), prompt: PROMPT, maxRetries: 0 });
      return collectText(result.textStream);
    };
  },
};

export const completeClients = {
  async "raw: fetch + JSON.parse"(base) {
    return async () => {
      const res = await fetch(`${base}/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer x" },
        body: JSON.stringify({ model: MODEL, messages: [{ role: "user", content: PROMPT }] }),
      });
      const json = await res.json();
      return { text: json.choices[0].message.content };
    };
  },
  async promptcall(base) {
    const { openai } = await import(dist("openai"));
    const call = openai.call({ model: MODEL, client: { baseURL: base, apiKey: "x" } }, (q) => q);
    return async () => ({ text: (await call(PROMPT)).content });
  },
  async "openai 6 (SDK)"(base) {
    const { default: OpenAI } = await import("openai");
    const client = new OpenAI({ baseURL: base, apiKey: "x", maxRetries: 0 });
    return async () => {
      const completion = await client.chat.completions.create({ model: MODEL, messages: [{ role: "user", content: PROMPT }] });
      return { text: completion.choices[0].message.content };
    };
  },
  async "AI SDK 6 generateText"(base) {
    const { generateText } = await import("ai");
    const { createOpenAI } = await import("@ai-sdk/openai");
    const provider = createOpenAI({ baseURL: base, apiKey: "x" });
    return async () => ({ text: (await generateText({ model: provider.chat(MODEL), prompt: PROMPT, maxRetries: 0 })).text });
  },
};

export const structuredClients = {
  /** The same bytes as plain text: what the structured stream costs on top of. */
  async "promptcall text stream (same bytes)"(base) {
    return streamClients.promptcall(base);
  },
  async "promptcall StructuredStream"(base) {
    const { openai } = await import(dist("openai"));
    const call = openai.call({ model: MODEL, stream: true, responseModel: Catalogue, client: { baseURL: base, apiKey: "x" } }, (q) => q);
    return async () => {
      const stream = await call(PROMPT);
      let partials = 0;
      let books = 0;
      for await (const partial of stream) {
        partials++;
        books = partial.books?.length ?? 0;
      }
      const value = await stream.final();
      return { value, partials, books };
    };
  },
  async "raw text + one JSON.parse + zod parse at the end"(base) {
    const raw = await streamClients["raw: fetch + EventSourceParserStream + JSON.parse"](base);
    return async () => {
      const { text, chunks } = await raw();
      return { value: Catalogue.parse(JSON.parse(text)), chunks };
    };
  },
};

export const memoryClients = {
  /** promptcall: stream.toResponse(), body consumed as a Worker's client would. */
  async "promptcall stream.toResponse()"(base) {
    const { openai } = await import(dist("openai"));
    const call = openai.call({ model: MODEL, stream: true, client: { baseURL: base, apiKey: "x" } }, (q) => q);
    return async () => (await call(PROMPT)).toResponse();
  },
  /** Hand-written pipeline: fetch → TextDecoderStream → EventSourceParserStream → text → Response. */
  async "raw pipeline → Response"(base) {
    const { EventSourceParserStream } = await import("eventsource-parser/stream");
    return async () => {
      const res = await fetch(`${base}/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ model: MODEL, stream: true }),
      });
      const text = res.body
        .pipeThrough(new TextDecoderStream())
        .pipeThrough(new EventSourceParserStream())
        .pipeThrough(
          new TransformStream({
            transform(event, controller) {
              if (event.data === "[DONE]") return;
              const delta = JSON.parse(event.data).choices[0]?.delta?.content;
              if (delta) controller.enqueue(delta);
            },
          }),
        )
        .pipeThrough(new TextEncoderStream());
      return new Response(text, { headers: { "content-type": "text/plain; charset=utf-8" } });
    };
  },
  async "AI SDK 6 streamText().toTextStreamResponse()"(base) {
    const { streamText } = await import("ai");
    const { createOpenAI } = await import("@ai-sdk/openai");
    const provider = createOpenAI({ baseURL: base, apiKey: "x" });
    return async () => streamText({ model: provider.chat(MODEL), prompt: PROMPT, maxRetries: 0 }).toTextStreamResponse();
  },
};

export const suites = {
  openai: streamClients,
  anthropic: anthropicClients,
  complete: completeClients,
  structured: structuredClients,
  memory: memoryClients,
};

/** Joins a stream of text deltas, counting them (the AI SDK's `textStream`). */
async function collectText(deltas) {
  let text = "";
  let chunks = 0;
  for await (const delta of deltas) {
    chunks++;
    text += delta;
  }
  return { text, chunks };
}
