// Neutral `params` in the Gemini API's GenerationConfig names (https://ai.google.dev/api/generate-content#v1beta.GenerationConfig:
// temperature, topP, topK, maxOutputTokens, stopSequences, seed, presencePenalty, frequencyPenalty,
// thinkingConfig). Thinking (https://ai.google.dev/gemini-api/docs/thinking): Gemini 3 models take a
// `thinkingLevel` ("minimal" | "low" | "medium" | "high"; 3 Pro only low and high, and cannot stop
// thinking), earlier ones a `thinkingBudget` (0 turns thinking off where the model allows it). Nothing is dropped.
import type { Params, ThinkingParams } from "../../core/params.ts";
import { definedFields, thinkingBudget } from "../../core/params-conversion.ts";
import type { GoogleThinkingConfig } from "./api.ts";
import type { GoogleCallParams } from "./call-params.ts";

/**
 * The call params with `params` under them: the converted fields go in `generationConfig`, which the
 * flat call params, and the call params' own `generationConfig`, override field by field.
 */
export function withGoogleParams(callParams: GoogleCallParams, params: Params | undefined, model: string): GoogleCallParams {
  if (!params) return callParams;
  const converted = definedFields({
    temperature: params.temperature,
    topP: params.topP,
    topK: params.topK,
    maxOutputTokens: params.maxTokens,
    stopSequences: params.stopSequences,
    seed: params.seed,
    presencePenalty: params.presencePenalty,
    frequencyPenalty: params.frequencyPenalty,
    thinkingConfig: params.thinking && googleThinking(params.thinking, model),
  });
  return { ...callParams, generationConfig: { ...converted, ...callParams.generationConfig } };
}

/** `thinking` as a Gemini `thinkingConfig`: a level for Gemini 3 (unless a budget is given), else a budget. */
export function googleThinking(thinking: ThinkingParams, model: string): GoogleThinkingConfig {
  const config: GoogleThinkingConfig = {};
  const gemini3 = /(^|\/)gemini-3/.test(model) && thinking.budgetTokens === undefined;
  if (gemini3) config.thinkingLevel = thinking.level === "off" ? "minimal" : thinking.level;
  else config.thinkingBudget = thinkingBudget(thinking);
  if (thinking.includeThoughts !== undefined) config.includeThoughts = thinking.includeThoughts;
  return config;
}
