// Neutral `params` in the names of OpenAI's APIs and of each OpenAI-compatible service, as each documents them:
// - OpenAI Chat Completions (https://platform.openai.com/docs/api-reference/chat/create): temperature,
//   top_p, max_completion_tokens, seed, stop, frequency_penalty, presence_penalty, reasoning_effort
//   ("none" only from gpt-5.1). No top_k. The Responses API (https://platform.openai.com/docs/api-reference/responses/create)
//   has temperature, top_p, max_output_tokens, reasoning { effort, summary } and none of the others.
// - Groq (https://console.groq.com/docs/openai): OpenAI's names; reasoning_effort on its reasoning models.
// - DeepSeek (https://api-docs.deepseek.com/guides/thinking_mode): max_tokens; thinking { type:
//   "enabled" | "disabled" } plus reasoning_effort; no seed.
// - xAI (https://docs.x.ai/api): OpenAI's names; reasoning_effort on its reasoning models.
// - OpenRouter (https://openrouter.ai/docs/api-reference/parameters, .../use-cases/reasoning-tokens):
//   max_tokens, top_k, and reasoning { effort | max_tokens, exclude, enabled }.
// - Together (https://docs.together.ai/reference/chat-completions): max_tokens and top_k; no thinking switch.
// - Mistral (https://docs.mistral.ai/api): max_tokens and random_seed; no top_k, no thinking switch.
// - Ollama and any other compatible server: max_tokens, seed, reasoning_effort; no top_k.
// What a service lacks is dropped; docs/providers.md has the table.
import type { Params, ThinkingParams } from "../../core/params.ts";
import { definedFields, thinkingBudget } from "../../core/params-conversion.ts";

/** What thinking becomes for a service (undefined: dropped). */
type ThinkingFields = (thinking: ThinkingParams, model: string, responses: boolean) => Record<string, unknown> | undefined;

/** How a service names the neutral parameters. */
interface Dialect {
  maxTokens: "max_completion_tokens" | "max_tokens";
  /** The seed's name, or false when the service has none. */
  seed: "seed" | "random_seed" | false;
  topK: boolean;
  thinking: ThinkingFields;
}

/** `reasoning_effort` for a level; "off" only where the model can stop reasoning. */
const effort =
  (offValue: (model: string) => string | undefined): ThinkingFields =>
  (thinking, model, responses) => {
    const value = thinking.level === "off" ? offValue(model) : thinking.level;
    if (value === undefined) return undefined;
    // The Responses API asks for reasoning summaries explicitly (`summary: "auto"`).
    if (responses && thinking.includeThoughts) return { reasoning: { effort: value, summary: "auto" } };
    return { reasoning_effort: value };
  };

/** OpenAI: reasoning_effort "none" exists from gpt-5.1 on; older reasoning models always reason. */
const openaiEffort = effort((model) => (/^gpt-5\.\d/.test(model) ? "none" : undefined));
const levelsOnly = effort(() => undefined);

const deepseekThinking: ThinkingFields = (thinking) =>
  thinking.level === "off" ? { thinking: { type: "disabled" } } : { thinking: { type: "enabled" }, reasoning_effort: thinking.level };

const openrouterThinking: ThinkingFields = (thinking) => {
  if (thinking.level === "off") return { reasoning: { enabled: false } };
  const amount = thinking.budgetTokens === undefined ? { effort: thinking.level } : { max_tokens: thinkingBudget(thinking) };
  return { reasoning: { ...amount, ...(thinking.includeThoughts === false ? { exclude: true } : {}) } };
};

const dropped: ThinkingFields = () => undefined;

const OPENAI: Dialect = { maxTokens: "max_completion_tokens", seed: "seed", topK: false, thinking: openaiEffort };
const COMPATIBLE: Dialect = { maxTokens: "max_tokens", seed: "seed", topK: false, thinking: levelsOnly };

const DIALECTS: Readonly<Record<string, Dialect>> = {
  openai: OPENAI,
  azure: OPENAI,
  groq: { ...OPENAI, thinking: levelsOnly },
  xai: { ...OPENAI, thinking: levelsOnly },
  deepseek: { ...COMPATIBLE, seed: false, thinking: deepseekThinking },
  openrouter: { ...COMPATIBLE, topK: true, thinking: openrouterThinking },
  together: { ...COMPATIBLE, topK: true, thinking: dropped },
  mistral: { ...COMPATIBLE, seed: "random_seed", thinking: dropped },
};

/** Fields the Responses API does not have: dropped there. */
const NOT_IN_RESPONSES = new Set(["stop", "seed", "frequency_penalty", "presence_penalty", "top_k"]);

/**
 * `params` as Chat Completions body fields of the service `service` (a preset's name; unknown names
 * get the generic OpenAI-compatible names). For the Responses API (`responses`), the fields it lacks
 * are dropped and the rest are named for Chat Completions, which `toResponsesBody` renames.
 */
export function openaiParams(params: Params | undefined, service: string, model: string, responses = false): Record<string, unknown> {
  if (!params) return {};
  const dialect = DIALECTS[service] ?? COMPATIBLE;
  const fields = definedFields({
    temperature: params.temperature,
    top_p: params.topP,
    [dialect.maxTokens]: params.maxTokens,
    ...(dialect.seed ? { [dialect.seed]: params.seed } : {}),
    ...(dialect.topK ? { top_k: params.topK } : {}),
    stop: params.stopSequences,
    frequency_penalty: params.frequencyPenalty,
    presence_penalty: params.presencePenalty,
    ...(params.thinking && dialect.thinking(params.thinking, model, responses)),
  });
  if (responses) for (const name of NOT_IN_RESPONSES) delete fields[name];
  return fields;
}
