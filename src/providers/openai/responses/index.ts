// Lazy seam `responses`: OpenAI's Responses API (`api: "responses"`), loaded with the first call that
// uses it. `createOpenAICall` (../call.ts) is the one place that picks it.
import { callFactory } from "../../../core/call-factory.ts";
import type { OpenAICall } from "../call.ts";
import type { OpenAIProviderSettings } from "../provider-settings.ts";
import { defineResponsesProvider } from "./provider.ts";

/** The `call` of an OpenAI-API provider over the Responses API. */
export function createResponsesCall(settings: OpenAIProviderSettings): OpenAICall {
  return callFactory(defineResponsesProvider(settings)) as unknown as OpenAICall;
}
