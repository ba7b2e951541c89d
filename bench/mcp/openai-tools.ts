// Baseline for the marginal cost of MCP: an OpenAI tool loop with one tool of its own.
import { defineTool } from "promptcall";
import { openai } from "promptcall/openai";

export async function run(): Promise<string> {
  const weather = defineTool({
    name: "get_weather",
    description: "The current weather in a city.",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
    call: (args) => `Sunny in ${(args as { city: string }).city}`,
  });
  const ask = openai.call({ model: "gpt-4o-mini", tools: [weather] }, (q: string) => q);
  let response = await ask("Weather in Paris?");
  while (response.tools.length > 0) response = await response.resume(await response.executeTools());
  return response.content;
}
