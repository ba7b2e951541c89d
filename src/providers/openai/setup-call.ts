import type { CallOptions } from "../../core/call-options.ts";
import { hasParams } from "../../core/params.ts";
import type { SetupCallContext, SetupCallResult } from "../../core/provider-definition.ts";
import type { ChatCompletionMessageParam, ChatCompletionTool } from "./api.ts";
import type { OpenAICallParams } from "./call-params.ts";
import { resolveOpenAIClient, type OpenAIClientOptions } from "./client.ts";
import { convertMessages } from "./convert-messages.ts";
import type { OpenAIEndpoint, OpenAIProviderSettings } from "./provider-settings.ts";
import { requestExtras } from "./seams.ts";
import type { ChatBody } from "./setup-structured.ts";
import { prepareStrictTools } from "./strict-tools.ts";

/** The OpenAI provider's own call options: which API a call uses. */
export interface OpenAIExtraOptions {
  /** `"chat"` (default): Chat Completions; `"responses"`: the Responses API, with the same surface. */
  api?: "chat" | "responses";
}

/** The context `setupCall` receives for OpenAI. */
export type OpenAISetupContext = SetupCallContext<OpenAICallParams, OpenAIClientOptions, CallOptions & OpenAIExtraOptions>;

/** Where a wire protocol's requests go and how its body is made from the Chat Completions one. */
export interface OpenAIProtocol {
  endpoint: OpenAIEndpoint;
  /** Turns the Chat Completions body into this protocol's (the Responses API's `toResponsesBody`). */
  toBody?: (chat: ChatBody) => Record<string, unknown>;
}

/** Chat Completions: the body as built. */
const CHAT: OpenAIProtocol = { endpoint: "chat/completions" };

/**
 * Builds the `setupCall` hook of a provider with these settings, for one protocol (Chat Completions
 * unless told). Structured outputs and strict tools load when a call uses them, so a plain call
 * loads none of their code.
 */
export function createSetupCall(
  settings: OpenAIProviderSettings,
  protocol: OpenAIProtocol = CHAT,
): (ctx: OpenAISetupContext) => Promise<SetupCallResult> {
  return async (ctx) => {
    const client = await resolveOpenAIClient(settings, ctx.client, protocol.endpoint);
    const { body: chat, used } = await chatBody(ctx, settings);
    const body = protocol.toBody ? protocol.toBody(chat) : chat;
    Object.assign(body, ctx.callParams.extraBody);
    return { request: { url: client.url, headers: client.headers, body, secrets: client.secrets }, structured: used };
  };
}

/** The Chat Completions request body of a call (the Responses body is derived from it). */
async function chatBody(ctx: OpenAISetupContext, settings: OpenAIProviderSettings) {
  // Neutral params convert in the request-extras seam: a call without them never loads the conversion.
  const neutral = hasParams(ctx.params)
    ? (await requestExtras()).openaiParams(ctx.params, settings.name, ctx.model, ctx.options.api === "responses")
    : {};
  const { extraBody: _extra, ...params } = { ...neutral, ...ctx.callParams };
  const messages = await convertMessages(ctx.messages);
  const body: ChatBody = { model: ctx.model, messages: messages.map((m) => withoutReasoning(m, settings)), ...params };
  await prepareStrictTools(ctx.tools);
  const tools = ctx.tools.map((tool) => ctx.toolClass.toolSchema(tool) as ChatCompletionTool);
  if (tools.length > 0) body.tools = tools;
  const used =
    ctx.structured || ctx.jsonMode
      ? (await requestExtras()).addStructured(body, {
          structured: ctx.structured,
          jsonMode: ctx.jsonMode,
          supportsJsonSchema: settings.supportsJsonSchema?.(ctx.model) ?? false,
          hasUserTools: tools.length > 0,
        })
      : undefined;
  if (ctx.stream) {
    body.stream = true;
    if (settings.streamUsage !== false) body.stream_options = { ...params.stream_options, include_usage: true };
  }
  return { body, used };
}

/** An assistant message without the reasoning fields the service does not take back (see the settings). */
function withoutReasoning(message: ChatCompletionMessageParam, settings: OpenAIProviderSettings): ChatCompletionMessageParam {
  if (message.role !== "assistant" || !("reasoning_content" in message || "reasoning_details" in message)) return message;
  const { reasoning_content, reasoning_details, ...rest } = message;
  return { ...rest, ...(settings.reasoningContent && { reasoning_content }), ...(settings.reasoningDetails && { reasoning_details }) };
}
