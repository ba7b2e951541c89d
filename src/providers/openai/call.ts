import { callFactory } from "../../core/call-factory.ts";
import { defineOpenAIProvider } from "./define-provider.ts";
import type { OpenAIProviderSettings } from "./provider-settings.ts";
import { openaiSupportsJsonSchema } from "./supports-json-schema.ts";

/** OpenAI's own API. */
export const OPENAI_SETTINGS: OpenAIProviderSettings = {
  name: "openai",
  baseURL: "https://api.openai.com/v1",
  apiKeyEnv: "OPENAI_API_KEY",
  requiresApiKey: true,
  supportsJsonSchema: openaiSupportsJsonSchema,
};

/**
 * `openai.call(options, fn)`: a typed OpenAI call (Chat Completions, or the Responses API with
 * `api: "responses"`).
 *
 * @example
 * const recommend = openaiCall({ model: "gpt-4o-mini" }, (genre: string) => `Recommend a ${genre} book`);
 */
export const openaiCall = /* @__PURE__ */ callFactory(/* @__PURE__ */ defineOpenAIProvider(OPENAI_SETTINGS));

/** OpenAI's provider definition: its classes and the `setupCall`, `getJsonOutput`, `handleStream` hooks. */
export const openaiProvider = /* @__PURE__ */ defineOpenAIProvider(OPENAI_SETTINGS);

/** The type of `openai.call` (shared by the OpenAI-compatible presets). */
export type OpenAICall = typeof openaiCall;
