// A streaming OpenAI chat call with the official SDK.
import OpenAI from "openai";

const client = new OpenAI({ apiKey: "sk-test", dangerouslyAllowBrowser: true });
const stream = await client.chat.completions.create({
  model: "gpt-4o-mini",
  stream: true,
  messages: [{ role: "user", content: "A haiku about rain" }],
});
for await (const chunk of stream) document.body.append(chunk.choices[0]?.delta?.content ?? "");
