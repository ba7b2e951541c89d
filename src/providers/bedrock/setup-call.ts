import { hasParams } from "../../core/params.ts";
import type { CallOptions } from "../../core/call-options.ts";
import type { SetupCallContext, SetupCallResult } from "../../core/provider-definition.ts";
import type { StructuredSpec } from "../../core/structured/structured-spec.ts";
import type { BedrockRequestBody, BedrockSystemBlock, BedrockToolChoice, BedrockToolConfig } from "./api.ts";
import type { BedrockCallParams } from "./call-params.ts";
import { type BedrockClientOptions, type ResolvedBedrockClient, resolveBedrockClient } from "./client.ts";
import { requestExtras } from "./seams.ts";
import { signRequest } from "./sign-request.ts";
import { textHistory } from "./text-history.ts";

/** The instruction added to `system` in JSON mode without a schema. */
export const JSON_MODE_INSTRUCTION =
  "Respond only with a single valid JSON value: no prose before or after it and no markdown code fences.";

type Context = SetupCallContext<BedrockCallParams, BedrockClientOptions, CallOptions>;

/**
 * Builds `POST {endpoint}/model/{modelId}/converse` (or `/converse-stream`): system blocks, merged
 * messages, call params as given, `toolConfig` with the call's tools (each followed by a cache point
 * when its `providerOptions.cacheControl` asks), and the `responseModel` mechanism: a forced tool
 * ("tool", also used for "auto" and "json-schema") or instructions plus JSON extraction ("json").
 * The request is signed with SigV4 here, over the exact body text that is sent.
 */
export async function setupCall(ctx: Context): Promise<SetupCallResult> {
  const client = await resolveBedrockClient(ctx.client);
  const converted = textHistory(ctx.messages) ?? (await requestExtras()).convertMessages(ctx.messages);
  const {
    toolChoice,
    tools: nativeTools,
    ...params
  } = hasParams(ctx.params) ? (await requestExtras()).withBedrockParams(ctx.callParams, ctx.params, ctx.model) : ctx.callParams;
  const body: BedrockRequestBody = { messages: converted.messages, ...params };
  const tools: BedrockToolConfig["tools"] = [];
  for (const tool of ctx.tools) {
    tools.push(ctx.toolClass.toolSchema(tool) as BedrockToolConfig["tools"][number]);
    if (tool.providerOptions?.cacheControl) tools.push({ cachePoint: { type: "default" } });
  }
  tools.push(...(nativeTools ?? []));
  const system = [...(converted.system ?? [])];
  let choice = toolChoice;
  const spec = ctx.structured;
  const mode = spec ? (spec.mode === "json" ? "json" : "tool") : undefined;
  if (spec && mode === "tool") {
    tools.push({ toolSpec: { name: spec.name, description: spec.description ?? STRUCTURED_TOOL, inputSchema: { json: spec.jsonSchema } } });
    const forced = forcedChoice(spec, ctx.tools.length > 0, thinkingEnabled(params.additionalModelRequestFields));
    choice = forced.choice;
    if (forced.instruction) system.push({ text: forced.instruction });
  } else if (spec) {
    system.push({ text: jsonSchemaInstruction(spec) });
  } else if (ctx.jsonMode) {
    system.push({ text: JSON_MODE_INSTRUCTION });
  }
  if (system.length > 0) body.system = system as BedrockSystemBlock[];
  if (tools.length > 0) body.toolConfig = choice ? { tools, toolChoice: choice } : { tools };
  const url = `${client.endpoint}/model/${encodeURIComponent(ctx.model)}/${ctx.stream ? "converse-stream" : "converse"}`;
  const headers = await authorize(client, url, body);
  // The SigV4 signature is secret too (it authorises this request until it expires).
  const signature = /Signature=(\w+)/.exec(headers.authorization ?? "")?.[1];
  return {
    request: { url, headers, body, secrets: signature ? [...client.secrets, signature] : client.secrets },
    structured: mode ? { mode } : undefined,
  };
}

const STRUCTURED_TOOL = "Give the final answer by calling this tool with it as the input.";

/**
 * The headers that authorise the request: a Bedrock API key as a bearer token, else a SigV4
 * signature over the body exactly as `sendRequest` serialises it (`JSON.stringify` of the same
 * object), else none (a proxy `endpoint` that signs).
 */
async function authorize(client: ResolvedBedrockClient, url: string, body: BedrockRequestBody): Promise<Record<string, string>> {
  const headers = { ...client.headers, "content-type": "application/json" };
  if (client.apiKey) return { ...headers, authorization: `Bearer ${client.apiKey}` };
  if (!client.credentials) return headers;
  return signRequest({ url, body: JSON.stringify(body), headers, credentials: client.credentials, region: client.region });
}

/** Claude's extended thinking (`additionalModelRequestFields.thinking`), which does not allow a forced tool. */
function thinkingEnabled(fields: Record<string, unknown> | undefined): boolean {
  const thinking = fields?.thinking as { type?: unknown } | undefined;
  return thinking?.type === "enabled" || thinking?.type === "adaptive";
}

/**
 * How the structured tool is requested: forced by name; "any" tool when the call has its own tools
 * too (so the model may call those); "auto" plus an instruction with extended thinking.
 */
function forcedChoice(spec: StructuredSpec, hasTools: boolean, thinking: boolean): { choice: BedrockToolChoice; instruction?: string } {
  if (thinking) return { choice: { auto: {} }, instruction: `Give your final answer by calling the \`${spec.name}\` tool.` };
  if (hasTools) return { choice: { any: {} } };
  return { choice: { tool: { name: spec.name } } };
}

function jsonSchemaInstruction(spec: StructuredSpec): string {
  return (
    "Respond only with a JSON object that matches this JSON Schema, with no prose before or after it " +
    `and no markdown code fences:\n${JSON.stringify(spec.jsonSchema)}`
  );
}
