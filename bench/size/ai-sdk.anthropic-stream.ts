// A streaming Anthropic call with the AI SDK.
import { streamText } from "ai";
import { createAnthropic } from "@ai-sdk/anthropic";

const anthropic = createAnthropic({ apiKey: "sk-ant-test" });
const result = streamText({ model: anthropic("claude-haiku-4-5"), prompt: "A haiku about rain" });
for await (const delta of result.textStream) document.body.append(delta);
