// The SDK's client with the validator it needs in workerd (ajv compiles with `new Function`, which workerd forbids).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";

export async function run(url: string): Promise<string> {
  const client = new Client({ name: "bench", version: "1.0.0" }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
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
