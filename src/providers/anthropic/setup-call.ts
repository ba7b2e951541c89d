import { hasParams } from "../../core/params.ts";
import type { SetupCallContext, SetupCallResult } from "../../core/provider-definition.ts";
import type { StructuredSpec } from "../../core/structured/structured-spec.ts";
import type { AnthropicRequestBody, AnthropicToolChoice, AnthropicToolParam } from "./api.ts";
import type { AnthropicCallParams } from "./call-params.ts";
import { resolveAnthropicClient, type AnthropicClientOptions } from "./client.ts";
import type { ConvertedMessages } from "./convert-messages.ts";
import { appendSystem, textHistory } from "./text-history.ts";
import { defaultMaxTokens } from "./default-max-tokens.ts";
import { requestExtras } from "./seams.ts";

/** The instruction added to `system` in JSON mode without a schema. */
export const JSON_MODE_INSTRUCTION =
  "Respond only with a single valid JSON value: no prose before or after it and no markdown code fences.";

/**
 * Builds `POST {baseURL}/messages`: system text in `system`, merged messages, `max_tokens` defaulted
 * per model, tools, call params as given, and the `responseModel` mechanism: a forced tool ("tool",
 * also used for "auto" and "json-schema") or instructions plus JSON extraction ("json").
 */
export async function setupCall(ctx: SetupCallContext<AnthropicCallParams, AnthropicClientOptions, any>): Promise<SetupCallResult> {
  const client = await resolveAnthropicClient(ctx.client);
  const converted: ConvertedMessages = textHistory(ctx.messages) ?? (await requestExtras()).convertMessages(ctx.messages);
  let system = converted.system;
  // Neutral params convert in the request-extras seam, loaded only when a call has some.
  const callParams = hasParams(ctx.params) ? (await requestExtras()).withAnthropicParams(ctx.callParams, ctx.params) : ctx.callParams;
  const { max_tokens, tools: nativeTools, ...params } = callParams;
  const body: AnthropicRequestBody = {
    model: ctx.model,
    max_tokens: max_tokens ?? defaultMaxTokens(ctx.model, params.thinking),
    messages: converted.messages,
    ...params,
  };
  const tools: (AnthropicToolParam | Record<string, unknown>)[] = [
    ...ctx.tools.map((tool) => ctx.toolClass.toolSchema(tool) as AnthropicToolParam),
    ...(nativeTools ?? []),
  ];
  const spec = ctx.structured;
  const mode = spec ? (spec.mode === "json" ? "json" : "tool") : undefined;
  if (spec && mode === "tool") {
    tools.push(structuredTool(spec));
    const forced = forcedChoice(spec, ctx.tools.length > 0, params.thinking?.type === "enabled");
    body.tool_choice = forced.choice;
    if (forced.instruction) system = appendSystem(system, forced.instruction);
  } else if (spec) {
    system = appendSystem(system, jsonSchemaInstruction(spec));
  } else if (ctx.jsonMode) {
    system = appendSystem(system, JSON_MODE_INSTRUCTION);
  }
  if (system !== undefined) body.system = system;
  if (tools.length > 0) body.tools = tools;
  if (ctx.stream) body.stream = true;
  return {
    request: { url: client.url, headers: client.headers, body, secrets: client.secrets },
    structured: mode ? { mode } : undefined,
  };
}

/** The tool whose input is the `responseModel` value. */
function structuredTool(spec: StructuredSpec): AnthropicToolParam {
  return {
    name: spec.name,
    description: spec.description ?? `Give the final answer by calling this tool with it as the input.`,
    input_schema: spec.jsonSchema,
  };
}

/**
 * How the structured tool is requested: forced by name; "any" tool when the call has its own tools
 * too (so the model may call those); "auto" plus an instruction with extended thinking, which does
 * not allow forced tool use.
 */
function forcedChoice(spec: StructuredSpec, hasTools: boolean, thinking: boolean): { choice: AnthropicToolChoice; instruction?: string } {
  if (thinking) return { choice: { type: "auto" }, instruction: `Give your final answer by calling the \`${spec.name}\` tool.` };
  if (hasTools) return { choice: { type: "any" } };
  return { choice: { type: "tool", name: spec.name } };
}

function jsonSchemaInstruction(spec: StructuredSpec): string {
  return (
    "Respond only with a JSON object that matches this JSON Schema, with no prose before or after it " +
    `and no markdown code fences:\n${JSON.stringify(spec.jsonSchema)}`
  );
}
