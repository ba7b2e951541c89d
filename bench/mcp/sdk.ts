// The same program with the official SDK's client (@modelcontextprotocol/sdk 1.32.2), as shipped (ajv validator).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

export async function run(url: string): Promise<string> {
  const client = new Client({ name: "bench", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(url));
  await client.connect(transport);
  const tools = [];
  let cursor: string | undefined;
  do {
    const page = await client.listTools(cursor === undefined ? {} : { cursor });
    tools.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  const result = await client.callTool({ name: "get_weather", arguments: { city: "Paris" } });
  await transport.terminateSession();
  await client.close();
  const content = result.content as { type: string; text?: string }[];
  return `${tools.length} tools; ${content[0]?.text}`;
}
