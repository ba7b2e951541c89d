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
