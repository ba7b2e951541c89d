// A streaming Anthropic call by hand: fetch + eventsource-parser + JSON.parse.
import { EventSourceParserStream } from "eventsource-parser/stream";

const res = await fetch("https://api.anthropic.com/v1/messages", {
  method: "POST",
  headers: {
    "content-type": "application/json",
    "x-api-key": "sk-ant-test",
    "anthropic-version": "2023-06-01",
    "anthropic-dangerous-direct-browser-access": "true",
  },
  body: JSON.stringify({
    model: "claude-haiku-4-5",
    max_tokens: 1024,
    stream: true,
    messages: [{ role: "user", content: "A haiku about rain" }],
  }),
});
if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
const events = res.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
for await (const event of events as unknown as AsyncIterable<{ event?: string; data: string }>) {
  const data = JSON.parse(event.data);
  if (data.type === "error") throw new Error(data.error.message);
  if (data.type === "content_block_delta" && data.delta.type === "text_delta") document.body.append(data.delta.text);
}
