// Provider-neutral call parameters (DESIGN.md, "Provider-neutral parameters"): said once, converted by
// each provider to its API's own names (`providers/<name>/convert-params.ts`). `callParams` stay
// provider-native and win over `params` for the same field.

/** How hard a model thinks before answering. */
export type ThinkingLevel = "off" | "low" | "medium" | "high";

/** Extended thinking / reasoning, for every provider. */
export interface ThinkingParams {
  /** `"off"`, or how much to think; providers with effort levels get this level. */
  level: ThinkingLevel;
  /** A token budget for thinking, for providers that take one (Anthropic, Gemini 2.5, OpenRouter); else from `level`. */
  budgetTokens?: number;
  /** Return the model's thoughts (Gemini `includeThoughts`; where thoughts come anyway, no effect). */
  includeThoughts?: boolean;
}

/**
 * Call parameters every provider understands, converted to each API's names: `maxTokens` is OpenAI's
 * `max_completion_tokens`, Anthropic's `max_tokens`, Gemini's `maxOutputTokens`… A parameter an API
 * lacks is dropped (docs/providers.md lists which, per provider).
 *
 * @example openai.call({ model: "gpt-5-mini", params: { maxTokens: 500, thinking: { level: "low" } } }, fn)
 */
export interface Params {
  temperature?: number;
  /** The most tokens to generate (thinking included where the API counts it). */
  maxTokens?: number;
  topP?: number;
  topK?: number;
  seed?: number;
  stopSequences?: string[];
  frequencyPenalty?: number;
  presencePenalty?: number;
  thinking?: ThinkingParams;
}

/** `params` of the dynamic config over the options' (`thinking` merged field by field). */
export function mergeParams(base: Params | undefined, over: Params | undefined): Params {
  if (!over) return base ?? {};
  if (!base) return over;
  const thinking = base.thinking && over.thinking ? { ...base.thinking, ...over.thinking } : (over.thinking ?? base.thinking);
  return { ...base, ...over, ...(thinking ? { thinking } : {}) };
}

/** Whether a call has any neutral params to convert (their conversion is a lazy seam of each provider). */
export const hasParams = (params: Params | undefined): params is Params => params !== undefined && Object.keys(params).length > 0;
