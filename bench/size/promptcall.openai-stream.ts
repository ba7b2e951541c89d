// A streaming OpenAI chat call, printed as it arrives.
import { openai } from "promptcall/openai";

const haiku = openai.call(
  { model: "gpt-4o-mini", stream: true, client: { apiKey: "sk-test" } },
  (topic: string) => `A haiku about ${topic}`,
);
const stream = await haiku("rain");
for await (const [chunk] of stream) document.body.append(chunk.content);
