// A streaming Anthropic call, printed as it arrives.
import { anthropic } from "promptcall/anthropic";

const haiku = anthropic.call(
  { model: "claude-haiku-4-5", stream: true, client: { apiKey: "sk-ant-test" } },
  (topic: string) => `A haiku about ${topic}`,
);
const stream = await haiku("rain");
for await (const [chunk] of stream) document.body.append(chunk.content);
