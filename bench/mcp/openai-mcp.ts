// The same OpenAI tool loop with an MCP server's tools added: the difference to openai-tools.ts is what MCP adds to a page.
import { defineTool } from "promptcall";
import { connectMcp } from "promptcall/mcp";
import { openai } from "promptcall/openai";

export async function run(url: string): Promise<string> {
  const weather = defineTool({
    name: "get_weather",
    description: "The current weather in a city.",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
    call: (args) => `Sunny in ${(args as { city: string }).city}`,
  });
  const mcp = await connectMcp(url);
  const ask = openai.call({ model: "gpt-4o-mini", tools: [weather, ...(await mcp.tools())] }, (q: string) => q);
  let response = await ask("Weather in Paris?");
  while (response.tools.length > 0) response = await response.resume(await response.executeTools());
  await mcp.close();
  return response.content;
}
