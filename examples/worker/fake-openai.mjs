// A local stand-in for OpenAI's Chat Completions API (Node). It streams replies in OpenAI's SSE
// format, slowly, and notes when a client hangs up before the reply ends: that is how the example
// (and its tests) show that closing the tab stops the upstream request.
//
// Replies: a message containing "story" gets a long reply (200 chunks, 50 ms apart, 10 s in all);
// any other message gets a short echo. Every request is recorded in `requests`.
import { createServer } from "node:http";

/** The short reply to `message`, as the page shows it once the stream ends. */
export function shortReply(message) {
  return `You said: ${message}. This reply was streamed by the local fake OpenAI server.`;
}

/** The long reply's chunks: 200 pieces, sent 50 ms apart. */
export function storyChunks(count = 200) {
  return Array.from({ length: count }, (_, i) => (i === 0 ? "Once upon a time" : ` and then ${i}`) + (i === count - 1 ? "." : ""));
}

/** Splits text into word-sized stream deltas, keeping spaces with the word that follows them. */
function wordChunks(text) {
  return text.match(/\s*\S+/g) ?? [];
}

function lastUserText(body) {
  const user = [...(body.messages ?? [])].reverse().find((m) => m.role === "user");
  if (!user) return "";
  if (typeof user.content === "string") return user.content;
  return (user.content ?? []).map((p) => p.text ?? "").join("");
}

function chunkJson(id, model, delta, finishReason = null) {
  return {
    id,
    object: "chat.completion.chunk",
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (part) => (text += part));
    req.on("end", () => {
      try {
        resolve(JSON.parse(text || "{}"));
      } catch (error) {
        reject(error);
      }
    });
    req.on("error", reject);
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the fake server on 127.0.0.1. Options: `port` (0 = any free port), `delayMs` between the
 * short reply's chunks (default 20), `storyDelayMs` (default 50), `log` (a function given one line
 * per event, e.g. console.log). Resolves to `{ baseURL, requests, waitForClientClose, close }`.
 */
export async function startFakeOpenAI(options = {}) {
  const { port = 0, delayMs = 20, storyDelayMs = 50, log = () => {} } = options;
  const requests = [];

  async function stream(res, record, chunks, pause) {
    const id = `chatcmpl-fake-${requests.length}`;
    const model = record.body.model ?? "gpt-4o-mini";
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", "x-request-id": `req_fake_${requests.length}` });
    const send = (json) => res.write(`data: ${typeof json === "string" ? json : JSON.stringify(json)}\n\n`);
    send(chunkJson(id, model, { role: "assistant", content: "" }));
    for (const text of chunks) {
      if (record.clientClosed) return;
      send(chunkJson(id, model, { content: text }));
      record.chunksSent++;
      await sleep(pause);
    }
    if (record.clientClosed) return;
    send(chunkJson(id, model, {}, "stop"));
    const usage = { prompt_tokens: 12, completion_tokens: chunks.length, total_tokens: 12 + chunks.length };
    send({ id, object: "chat.completion.chunk", created: 1_700_000_000, model, choices: [], usage });
    send("[DONE]");
    record.finished = true;
    res.end();
    log(`fake OpenAI: reply ${requests.indexOf(record) + 1} sent in full (${chunks.length} chunks)`);
  }

  const server = createServer(async (req, res) => {
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { type: "not_found", message: `The fake OpenAI server has no ${req.method} ${req.url}.` } }));
      return;
    }
    const record = {
      authorization: req.headers.authorization ?? null,
      body: {},
      chunksSent: 0,
      finished: false,
      clientClosed: false,
      closedAt: undefined,
    };
    requests.push(record);
    // 'close' after a complete reply is normal; before it, the client (the Worker) hung up.
    res.on("close", () => {
      if (record.finished) return;
      record.clientClosed = true;
      record.closedAt = performance.now();
      log(`fake OpenAI: the client closed the connection after ${record.chunksSent} chunks`);
    });
    record.body = await readJson(req).catch(() => ({}));
    const message = lastUserText(record.body);
    const isStory = /story/i.test(message);
    log(`fake OpenAI: request ${requests.length} (${isStory ? "long story" : "short reply"}) for "${message.slice(0, 60)}"`);
    const chunks = isStory ? storyChunks() : wordChunks(shortReply(message));
    if (record.body.stream) return stream(res, record, chunks, isStory ? storyDelayMs : delayMs);
    record.finished = true;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        id: "chatcmpl-fake",
        object: "chat.completion",
        created: 1_700_000_000,
        model: record.body.model ?? "gpt-4o-mini",
        choices: [{ index: 0, message: { role: "assistant", content: chunks.join("") }, finish_reason: "stop" }],
        usage: { prompt_tokens: 12, completion_tokens: chunks.length, total_tokens: 12 + chunks.length },
      }),
    );
  });

  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  return {
    /** The base URL to give as OPENAI_BASE_URL, e.g. "http://127.0.0.1:41234/v1". */
    baseURL: `http://127.0.0.1:${address.port}/v1`,
    requests,
    /** Polls until `record`'s client hung up; resolves to the time that happened, or undefined after `timeoutMs`. */
    async waitForClientClose(record, timeoutMs = 5000) {
      const deadline = performance.now() + timeoutMs;
      while (!record.clientClosed && performance.now() < deadline) await sleep(10);
      return record.closedAt;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
