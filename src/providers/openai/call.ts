import { callFactory } from "../../core/call-factory.ts";
import type { ProviderCall } from "../../core/call-options.ts";
import { defineOpenAIProvider, type OpenAITypes } from "./provider.ts";
import type { OpenAIProviderSettings } from "./provider-settings.ts";
import { requestExtras, responses } from "./seams.ts";
import { OPENAI_SETTINGS } from "./settings.ts";

export { OPENAI_SETTINGS } from "./settings.ts";

/** The type of `openai.call` (shared by the OpenAI-compatible presets). */
export type OpenAICall = ProviderCall<OpenAITypes>;

/**
 * The `call` of an OpenAI-API provider, and the one place that picks the wire protocol: Chat
 * Completions, or with `api: "responses"` the Responses API, whose own provider definition (request,
 * chunks, response, stream) loads with the first such call.
 */
export function createOpenAICall(settings: OpenAIProviderSettings): OpenAICall {
  const definition = defineOpenAIProvider(settings);
  // OpenRouter's `reasoning_details` are merged by a stream class of their own, for a service whose settings
  // keep them (`reasoningDetails: true`: the `openrouter` preset); it loads with that service's first streaming call.
  if (settings.reasoningDetails) {
    const { setupCall, streamClass } = definition;
    definition.setupCall = async (ctx) => {
      if (ctx.stream) definition.streamClass = (await requestExtras()).reasoningDetailsStream(streamClass);
      return setupCall(ctx);
    };
  }
  const chat = callFactory(definition);
  let responsesCall: Promise<OpenAICall> | undefined;
  const call = (options: { api?: string }, fn: (...args: unknown[]) => unknown) => {
    if (options.api !== "responses") return chat(options as never, fn as never);
    let bound: Promise<(...args: unknown[]) => Promise<unknown>> | undefined;
    const run = async (...args: unknown[]) => {
      responsesCall ??= responses().then((m) => m.createResponsesCall(settings));
      bound ??= responsesCall.then((c) => c(options as never, fn as never) as never);
      return (await bound)(...args);
    };
    return Object.assign(run, { options, provider: settings.name, fn });
  };
  return call as unknown as OpenAICall;
}

/**
 * `openai.call(options, fn)`: a typed OpenAI call (Chat Completions, or the Responses API with
 * `api: "responses"`).
 *
 * @example
 * const recommend = openaiCall({ model: "gpt-4o-mini" }, (genre: string) => `Recommend a ${genre} book`);
 */
export const openaiCall = /* @__PURE__ */ createOpenAICall(OPENAI_SETTINGS);
