// A streaming Anthropic call with the official SDK.
import Anthropic from "@anthropic-ai/sdk";

const client = new Anthropic({ apiKey: "sk-ant-test", dangerouslyAllowBrowser: true });
const stream = await client.messages.create({
  model: "claude-haiku-4-5",
  max_tokens: 1024,
  stream: true,
  messages: [{ role: "user", content: "A haiku about rain" }],
});
for await (const event of stream) {
  if (event.type === "content_block_delta" && event.delta.type === "text_delta") document.body.append(event.delta.text);
}
