// The program measured for promptcall/mcp: connect, list every tool (following nextCursor), call one, close.
import { connectMcp } from "promptcall/mcp";

export async function run(url: string): Promise<string> {
  const mcp = await connectMcp(url);
  const tools = await mcp.tools();
  const weather = tools.find((tool) => tool.name === "get_weather");
  const result = await weather?.call({ city: "Paris" });
  await mcp.close();
  return `${tools.length} tools; ${result?.text}`;
}
