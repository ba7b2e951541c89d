/**
 * Ready presets for OpenAI-compatible services; base URLs from each service's documentation.
 * Each is annotated pure so a bundle keeps only the presets it imports; their price tables
 * (`prices.ts`) load with a preset's first call.
 */
import { presetPrices } from "../seams.ts";
import { openaiCompatible } from "./compatible.ts";

/** Groq (https://console.groq.com/docs/openai): key in `GROQ_API_KEY`. */
export const groq = /* @__PURE__ */ openaiCompatible({
  name: "groq",
  baseURL: "https://api.groq.com/openai/v1",
  apiKeyEnv: "GROQ_API_KEY",
  prices: () => presetPrices().then((m) => m.GROQ_PRICES),
});

/** xAI (https://docs.x.ai/api/integrations): key in `XAI_API_KEY`; supports Structured Outputs. */
export const xai = /* @__PURE__ */ openaiCompatible({
  name: "xai",
  baseURL: "https://api.x.ai/v1",
  apiKeyEnv: "XAI_API_KEY",
  prices: () => presetPrices().then((m) => m.XAI_PRICES),
  supportsJsonSchema: true,
});

/**
 * DeepSeek (https://api-docs.deepseek.com/: base_url `https://api.deepseek.com`; `/v1` also works): key
 * in `DEEPSEEK_API_KEY`. Tool-call turns keep their `reasoning_content`, which thinking mode requires back.
 */
export const deepseek = /* @__PURE__ */ openaiCompatible({
  name: "deepseek",
  baseURL: "https://api.deepseek.com",
  apiKeyEnv: "DEEPSEEK_API_KEY",
  prices: () => presetPrices().then((m) => m.DEEPSEEK_PRICES),
  reasoningContent: true,
});

/**
 * OpenRouter (https://openrouter.ai/docs/quickstart): key in `OPENROUTER_API_KEY`; models as
 * "vendor/model". Assistant turns keep their `reasoning_details`, which OpenRouter asks to get back.
 */
export const openrouter = /* @__PURE__ */ openaiCompatible({
  name: "openrouter",
  baseURL: "https://openrouter.ai/api/v1",
  apiKeyEnv: "OPENROUTER_API_KEY",
  prices: () => presetPrices().then((m) => m.OPENROUTER_PRICES),
  reasoningDetails: true,
});

/** Together AI (https://docs.together.ai/docs/inference/openai-compatibility): key in `TOGETHER_API_KEY`. */
export const together = /* @__PURE__ */ openaiCompatible({
  name: "together",
  baseURL: "https://api.together.ai/v1",
  apiKeyEnv: "TOGETHER_API_KEY",
  prices: () => presetPrices().then((m) => m.TOGETHER_PRICES),
});

/**
 * Mistral (https://docs.mistral.ai/api: `POST https://api.mistral.ai/v1/chat/completions`): key in
 * `MISTRAL_API_KEY`. Mistral rejects unknown fields, so `stream_options` is not sent (its last chunk has usage).
 */
export const mistral = /* @__PURE__ */ openaiCompatible({
  name: "mistral",
  baseURL: "https://api.mistral.ai/v1",
  apiKeyEnv: "MISTRAL_API_KEY",
  prices: () => presetPrices().then((m) => m.MISTRAL_PRICES),
  streamUsage: false,
});

/** A local Ollama server (https://docs.ollama.com/api/openai-compatibility): no key. */
export const ollama = /* @__PURE__ */ openaiCompatible({
  name: "ollama",
  baseURL: "http://localhost:11434/v1",
});
