// Streams a model's reply to stdout from Deno with promptcall. With OPENAI_API_KEY set it calls
// OpenAI (or OPENAI_BASE_URL, any OpenAI-compatible server); without it, the scripted provider from
// promptcall/testing answers, with no network, and the script says so. See README.md to run it.
import { openai } from "promptcall/openai";
import { createScriptedProvider } from "promptcall/testing";

/** The part of the Deno namespace used here (typed locally: the repository's tsc has no Deno types). */
interface DenoApi {
  args: string[];
  env: { get(name: string): string | undefined };
  stdout: { writable: WritableStream<Uint8Array> };
}
const deno = (globalThis as unknown as { Deno: DenoApi }).Deno;

/** What this script needs from any provider's stream. */
interface ReplyStream {
  textStream(): ReadableStream<string>;
  readonly usage: { totalTokens: number } | undefined;
  readonly model: string;
}

const question = deno.args.join(" ") || "Recommend a fantasy book in two sentences.";
const apiKey = deno.env.get("OPENAI_API_KEY");
const model = deno.env.get("MODEL") ?? "gpt-4o-mini";

/** The canned reply the scripted provider streams when there is no key. */
const SCRIPTED_REPLY = "Try The Hobbit by J. R. R. Tolkien: a small hero, a long road, and a dragon at the end of it.";

async function ask(q: string): Promise<ReplyStream> {
  if (apiKey) {
    const baseURL = deno.env.get("OPENAI_BASE_URL");
    const recommend = openai.call({ model, stream: true, client: { apiKey, baseURL } }, (text: string) => text);
    return recommend(q);
  }
  const chunks = SCRIPTED_REPLY.match(/\s*\S+/g) ?? [];
  const scripted = createScriptedProvider([{ chunks, delayMs: 15, usage: { inputTokens: 9, outputTokens: chunks.length } }]);
  return scripted.call({ model: "scripted-1", stream: true }, (text: string) => text)(q);
}

if (apiKey) console.log(`promptcall in Deno: asking ${model} with your OPENAI_API_KEY.`);
else
  console.log(
    "promptcall in Deno: no OPENAI_API_KEY set, so the scripted provider from promptcall/testing answers (canned reply, no network).",
  );
console.log(`Q: ${question}`);

const stream = await ask(question);
// Web streams all the way: the text deltas, encoded, written to stdout as they arrive.
const encoder = new TextEncoder();
const out = deno.stdout.writable.getWriter();
await out.write(encoder.encode("A: "));
const reader = stream.textStream().getReader();
for (let part = await reader.read(); !part.done; part = await reader.read()) await out.write(encoder.encode(part.value));
await out.write(encoder.encode("\n"));
out.releaseLock();
console.log(`(${stream.model}, ${stream.usage ? `${stream.usage.totalTokens} tokens` : "usage unknown"})`);
