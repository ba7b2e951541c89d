// A tiny in-process Parrot server, so the example runs anywhere with no network: pass its `fetch` as
// `client.fetch`. It repeats the last human turn, or calls a function when asked to "use <fn> <json>".
import type { ParrotReply, ParrotTurn } from "./wire.ts";

/** Creates a fetch that answers Parrot requests; `seen` records the request bodies. */
export function createParrotServer() {
  const seen: { turns: ParrotTurn[]; functions: { name: string }[]; stream: boolean }[] = [];
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init?.body));
    seen.push(body);
    const last: ParrotTurn = body.turns.at(-1);
    if (last.text === "fail") return Response.json({ problem: { what: "parrot is tired", retryable: false } }, { status: 422 });
    const use = /^use (\w+) (.*)$/.exec(last.text);
    const reply: ParrotReply =
      use && last.speaker === "human"
        ? {
            reply: { text: "", calls: [{ ref: `ref-${seen.length}`, fn: use[1], input: JSON.parse(use[2]) }] },
            stop: "calls",
            tokens: { read: 5, written: 3 },
          }
        : {
            reply: { text: `${last.speaker === "tool" ? "tool said" : "you said"}: ${last.text}`, calls: [] },
            stop: "done",
            tokens: { read: 5, written: 4 },
          };
    if (!body.stream) return Response.json(reply);
    const words = reply.reply.text.match(/\S+\s*/g) ?? [];
    const events = [
      ...words.map((w) => `event: piece\ndata: ${JSON.stringify({ text: w })}\n\n`),
      ...reply.reply.calls.map((c) => `event: call\ndata: ${JSON.stringify(c)}\n\n`),
      `event: done\ndata: ${JSON.stringify({ stop: reply.stop, tokens: reply.tokens })}\n\n`,
    ];
    return new Response(events.join(""), { headers: { "content-type": "text/event-stream" } });
  };
  return { fetch, seen };
}
