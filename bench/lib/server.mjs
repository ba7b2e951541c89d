// The loopback LLM server, run as its own process (so its work never shows up in a client's
// timings): `node bench/lib/server.mjs` prints `{"port":N}` and serves until killed.
//
// URL scheme (clients get `http://127.0.0.1:PORT/<mode>/<kind>/<arg>/v1` as their baseURL):
//   mode  bulk  — the whole body in one write (the client's reads are as large as the socket allows)
//         paced — one write per SSE event, as a model server sends them
//   kind  oai-text/<n>      OpenAI chat.completion.chunk stream with n text deltas
//         ant-text/<n>      Anthropic content_block_delta stream with n text deltas
//         oai-big/<bytes>   OpenAI stream of `bytes` characters in 1,000-character deltas
//         oai-json/<bytes>  OpenAI stream of a ~`bytes` JSON document in 50-character deltas
//         oai-complete/0    a non-streaming chat.completion body
//         oai-tools/0       non-streaming: a get_weather tool call, or, once the request carries a
//                           tool result, the JSON answer {"city","tempC","wear"} (bench/size programs)
import { createServer } from "node:http";
import {
  anthropicStreamEvents,
  openaiToolFlowBody,
  bigTextPiece,
  catalogueJson,
  fragments,
  openaiCompletionBody,
  openaiStreamEvents,
} from "./payloads.mjs";

const BIG_PIECE = 1000;
const cache = new Map();

function build(kind, arg) {
  const n = Number(arg);
  switch (kind) {
    case "oai-text":
      return openaiStreamEvents(n);
    case "ant-text":
      return anthropicStreamEvents(n);
    case "oai-big":
      return openaiStreamEvents(Math.ceil(n / BIG_PIECE), bigTextPiece(BIG_PIECE));
    case "oai-json": {
      const pieces = fragments(catalogueJson(n), 50);
      return openaiStreamEvents(pieces.length, (i) => pieces[i]);
    }
    case "oai-complete":
      return null;
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

/** The events of a route as Buffers plus the whole body; the last two routes used stay cached. */
function body(kind, arg) {
  const key = `${kind}/${arg}`;
  let entry = cache.get(key);
  if (!entry) {
    const events = build(kind, arg);
    entry = events ? { events: events.map((e) => Buffer.from(e)), whole: Buffer.from(events.join("")) } : null;
    cache.set(key, entry);
    if (cache.size > 2) cache.delete(cache.keys().next().value);
  }
  return entry;
}

const complete = Buffer.from(openaiCompletionBody());

async function writePaced(res, events) {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", "x-request-id": "req_bench" });
  for (const event of events) {
    if (!res.write(event)) await new Promise((resolve) => res.once("drain", resolve));
    if (res.destroyed) return;
  }
  res.end();
}

const server = createServer((req, res) => {
  const parts = [];
  req.on("data", (d) => parts.push(d));
  req.on("end", () => {
    const [, mode, kind, arg] = (req.url ?? "").split("/");
    try {
      if (kind === "oai-tools") {
        const body = Buffer.from(openaiToolFlowBody(Buffer.concat(parts).toString("utf8")));
        res.writeHead(200, { "content-type": "application/json", "content-length": body.length, "x-request-id": "req_bench" });
        res.end(body);
        return;
      }
      if (kind === "oai-complete") {
        res.writeHead(200, { "content-type": "application/json", "content-length": complete.length, "x-request-id": "req_bench" });
        res.end(complete);
        return;
      }
      const entry = body(kind, arg);
      if (mode === "paced") {
        writePaced(res, entry.events).catch(() => res.destroy());
      } else {
        res.writeHead(200, {
          "content-type": "text/event-stream",
          "cache-control": "no-cache",
          "content-length": entry.whole.length,
          "x-request-id": "req_bench",
        });
        res.end(entry.whole);
      }
    } catch (error) {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: String(error) } }));
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.on("SIGTERM", () => process.exit(0));
process.on("disconnect", () => process.exit(0));
