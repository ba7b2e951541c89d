/**
 * What each OpenAI-compatible preset is made of (`presets.ts` builds them); base URLs from each
 * service's documentation. Data only: `llm`'s lazy `openai-entry.ts` builds its own presets from it,
 * so that a program importing `promptcall/openai` and the root entry does not load `presets.ts` up front.
 */
import { presetPrices } from "../seams.ts";
import type { OpenAICompatibleOptions } from "./compatible-provider.ts";

/** Groq (https://console.groq.com/docs/openai). */
export const GROQ: OpenAICompatibleOptions = {
  name: "groq",
  baseURL: "https://api.groq.com/openai/v1",
  apiKeyEnv: "GROQ_API_KEY",
  prices: () => presetPrices().then((m) => m.GROQ_PRICES),
};

/** xAI (https://docs.x.ai/api/integrations): supports Structured Outputs. */
export const XAI: OpenAICompatibleOptions = {
  name: "xai",
  baseURL: "https://api.x.ai/v1",
  apiKeyEnv: "XAI_API_KEY",
  prices: () => presetPrices().then((m) => m.XAI_PRICES),
  supportsJsonSchema: true,
};

/** DeepSeek (https://api-docs.deepseek.com/: base_url `https://api.deepseek.com`; `/v1` also works); thinking mode needs `reasoning_content` back. */
export const DEEPSEEK: OpenAICompatibleOptions = {
  name: "deepseek",
  baseURL: "https://api.deepseek.com",
  apiKeyEnv: "DEEPSEEK_API_KEY",
  prices: () => presetPrices().then((m) => m.DEEPSEEK_PRICES),
  reasoningContent: true,
};

/** OpenRouter (https://openrouter.ai/docs/quickstart): asks for `reasoning_details` back. */
export const OPENROUTER: OpenAICompatibleOptions = {
  name: "openrouter",
  baseURL: "https://openrouter.ai/api/v1",
  apiKeyEnv: "OPENROUTER_API_KEY",
  prices: () => presetPrices().then((m) => m.OPENROUTER_PRICES),
  reasoningDetails: true,
};

/** Together AI (https://docs.together.ai/docs/inference/openai-compatibility). */
export const TOGETHER: OpenAICompatibleOptions = {
  name: "together",
  baseURL: "https://api.together.ai/v1",
  apiKeyEnv: "TOGETHER_API_KEY",
  prices: () => presetPrices().then((m) => m.TOGETHER_PRICES),
};

/** Mistral (https://docs.mistral.ai/api): rejects unknown fields, so `stream_options` is not sent (its last chunk has usage). */
export const MISTRAL: OpenAICompatibleOptions = {
  name: "mistral",
  baseURL: "https://api.mistral.ai/v1",
  apiKeyEnv: "MISTRAL_API_KEY",
  prices: () => presetPrices().then((m) => m.MISTRAL_PRICES),
  streamUsage: false,
};

/** A local Ollama server (https://docs.ollama.com/api/openai-compatibility): no key. */
export const OLLAMA: OpenAICompatibleOptions = { name: "ollama", baseURL: "http://localhost:11434/v1" };
