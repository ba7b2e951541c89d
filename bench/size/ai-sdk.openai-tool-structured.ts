// One zod tool and a structured (zod) answer with the AI SDK.
import { generateText, Output, stepCountIs, tool } from "ai";
import { createOpenAI } from "@ai-sdk/openai";
import { z } from "zod";

const openai = createOpenAI({ apiKey: "sk-test" });
const { output } = await generateText({
  model: openai.chat("gpt-4o-mini"),
  tools: {
    get_weather: tool({
      description: "Current weather for a city",
      inputSchema: z.object({ city: z.string() }),
      execute: async ({ city }) => ({ city, tempC: 21 }),
    }),
  },
  output: Output.object({ schema: z.object({ city: z.string(), tempC: z.number(), wear: z.array(z.string()) }) }),
  stopWhen: stepCountIs(5),
  prompt: "What should I wear in Paris today?",
});
document.body.append(output.wear.join(", "));
