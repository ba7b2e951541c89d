// A streaming OpenAI chat call by hand: fetch + eventsource-parser + JSON.parse.
import { EventSourceParserStream } from "eventsource-parser/stream";

const res = await fetch("https://api.openai.com/v1/chat/completions", {
  method: "POST",
  headers: { "content-type": "application/json", authorization: "Bearer sk-test" },
  body: JSON.stringify({ model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: "A haiku about rain" }] }),
});
if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
const events = res.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
for await (const event of events as unknown as AsyncIterable<{ data: string }>) {
  if (event.data === "[DONE]") break;
  document.body.append(JSON.parse(event.data).choices[0]?.delta?.content ?? "");
}
