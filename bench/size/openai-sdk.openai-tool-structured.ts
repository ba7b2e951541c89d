// One zod tool and a structured (zod) answer with the official SDK's zod helpers.
import OpenAI from "openai";
import { zodFunction, zodResponseFormat } from "openai/helpers/zod";
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { z } from "zod";

const client = new OpenAI({ apiKey: "sk-test", dangerouslyAllowBrowser: true });
const WeatherArgs = z.object({ city: z.string() });
const Advice = z.object({ city: z.string(), tempC: z.number(), wear: z.array(z.string()) });
const messages: ChatCompletionMessageParam[] = [{ role: "user", content: "What should I wear in Paris today?" }];

for (;;) {
  const completion = await client.chat.completions.parse({
    model: "gpt-4o-mini",
    messages,
    tools: [zodFunction({ name: "get_weather", description: "Current weather for a city", parameters: WeatherArgs })],
    response_format: zodResponseFormat(Advice, "advice"),
  });
  const message = completion.choices[0].message;
  messages.push(message);
  if (message.tool_calls?.length) {
    for (const call of message.tool_calls) {
      if (call.type !== "function") continue;
      const { city } = call.function.parsed_arguments as z.infer<typeof WeatherArgs>;
      messages.push({ role: "tool", tool_call_id: call.id, content: JSON.stringify({ city, tempC: 21 }) });
    }
    continue;
  }
  document.body.append(message.parsed?.wear.join(", ") ?? "");
  break;
}
