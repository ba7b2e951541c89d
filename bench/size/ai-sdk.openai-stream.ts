// A streaming OpenAI chat call with the AI SDK.
import { streamText } from "ai";
import { createOpenAI } from "@ai-sdk/openai";

const openai = createOpenAI({ apiKey: "sk-test" });
const result = streamText({ model: openai.chat("gpt-4o-mini"), prompt: "A haiku about rain" });
for await (const delta of result.textStream) document.body.append(delta);
