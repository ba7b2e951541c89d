/**
 * Ready presets for OpenAI-compatible services (what each is made of: `preset-options.ts`). Each is
 * annotated pure so a bundle keeps only the presets it imports; their price tables (`prices.ts`)
 * load with a preset's first call.
 */
import { openaiCompatible } from "./compatible.ts";
import { DEEPSEEK, GROQ, MISTRAL, OLLAMA, OPENROUTER, TOGETHER, XAI } from "./preset-options.ts";

/** Groq (https://console.groq.com/docs/openai): key in `GROQ_API_KEY`. */
export const groq = /* @__PURE__ */ openaiCompatible(GROQ);

/** xAI (https://docs.x.ai/api/integrations): key in `XAI_API_KEY`; supports Structured Outputs. */
export const xai = /* @__PURE__ */ openaiCompatible(XAI);

/**
 * DeepSeek (https://api-docs.deepseek.com/: base_url `https://api.deepseek.com`; `/v1` also works): key
 * in `DEEPSEEK_API_KEY`. Tool-call turns keep their `reasoning_content`, which thinking mode requires back.
 */
export const deepseek = /* @__PURE__ */ openaiCompatible(DEEPSEEK);

/**
 * OpenRouter (https://openrouter.ai/docs/quickstart): key in `OPENROUTER_API_KEY`; models as
 * "vendor/model". Assistant turns keep their `reasoning_details`, which OpenRouter asks to get back.
 */
export const openrouter = /* @__PURE__ */ openaiCompatible(OPENROUTER);

/** Together AI (https://docs.together.ai/docs/inference/openai-compatibility): key in `TOGETHER_API_KEY`. */
export const together = /* @__PURE__ */ openaiCompatible(TOGETHER);

/**
 * Mistral (https://docs.mistral.ai/api: `POST https://api.mistral.ai/v1/chat/completions`): key in
 * `MISTRAL_API_KEY`. Mistral rejects unknown fields, so `stream_options` is not sent (its last chunk has usage).
 */
export const mistral = /* @__PURE__ */ openaiCompatible(MISTRAL);

/** A local Ollama server (https://docs.ollama.com/api/openai-compatibility): no key. */
export const ollama = /* @__PURE__ */ openaiCompatible(OLLAMA);
