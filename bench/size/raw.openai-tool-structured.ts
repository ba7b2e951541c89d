// One zod tool and a structured (zod) answer by hand: fetch + z.toJSONSchema + schema.parse.
import { z } from "zod";

const WeatherArgs = z.object({ city: z.string() });
const Advice = z.object({ city: z.string(), tempC: z.number(), wear: z.array(z.string()) });
const tools = [
  {
    type: "function",
    function: { name: "get_weather", description: "Current weather for a city", parameters: z.toJSONSchema(WeatherArgs), strict: true },
  },
];
const response_format = { type: "json_schema", json_schema: { name: "advice", schema: z.toJSONSchema(Advice), strict: true } };
const messages: unknown[] = [{ role: "user", content: "What should I wear in Paris today?" }];

for (;;) {
  const res = await fetch("https://api.openai.com/v1/chat/completions", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer sk-test" },
    body: JSON.stringify({ model: "gpt-4o-mini", messages, tools, response_format }),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  const message = (await res.json()).choices[0].message;
  messages.push(message);
  if (message.tool_calls?.length) {
    for (const call of message.tool_calls) {
      const { city } = WeatherArgs.parse(JSON.parse(call.function.arguments));
      messages.push({ role: "tool", tool_call_id: call.id, content: JSON.stringify({ city, tempC: 21 }) });
    }
    continue;
  }
  document.body.append(Advice.parse(JSON.parse(message.content)).wear.join(", "));
  break;
}
