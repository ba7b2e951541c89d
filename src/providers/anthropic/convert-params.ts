// Neutral `params` in the Messages API's names (https://docs.anthropic.com/en/api/messages: max_tokens,
// temperature, top_p, top_k, stop_sequences, thinking { type: "enabled", budget_tokens } | { type: "disabled" };
// extended thinking: budget_tokens >= 1024 and below max_tokens,
// https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking). Dropped: seed,
// frequencyPenalty, presencePenalty (the API has none) and includeThoughts (thinking blocks always come back).
import type { Params, ThinkingParams } from "../../core/params.ts";
import { definedFields, thinkingBudget } from "../../core/params-conversion.ts";
import { UnsupportedParamError } from "../../errors/index.ts";
import type { AnthropicThinkingConfig } from "./api.ts";
import type { AnthropicCallParams } from "./call-params.ts";

/** Anthropic's smallest thinking budget. */
const MIN_BUDGET = 1024;

/**
 * The call params with `params` under them, in the Messages API's names. The call params win field by
 * field; a thinking budget the API would refuse (below 1,024, or not below `max_tokens`) throws
 * `UnsupportedParamError` unless the call params bring their own `thinking`.
 */
export function withAnthropicParams(
  callParams: AnthropicCallParams,
  params: Params | undefined,
  provider = "anthropic",
): AnthropicCallParams {
  if (!params) return callParams;
  const converted = definedFields({
    max_tokens: params.maxTokens,
    temperature: params.temperature,
    top_p: params.topP,
    top_k: params.topK,
    stop_sequences: params.stopSequences,
  }) as AnthropicCallParams;
  const { thinking } = params;
  if (thinking && callParams.thinking === undefined) {
    converted.thinking = anthropicThinking(thinking, callParams.max_tokens ?? params.maxTokens, provider);
  }
  return { ...converted, ...callParams };
}

function anthropicThinking(thinking: ThinkingParams, maxTokens: number | undefined, provider: string): AnthropicThinkingConfig {
  if (thinking.level === "off") return { type: "disabled" };
  const budget = thinkingBudget(thinking);
  if (budget < MIN_BUDGET || (maxTokens !== undefined && budget >= maxTokens)) {
    throw new UnsupportedParamError(
      `Anthropic needs a thinking budget of at least ${MIN_BUDGET} tokens and below max_tokens (got budget ${budget}` +
        `${maxTokens === undefined ? "" : `, max_tokens ${maxTokens}`}): raise budgetTokens or maxTokens.`,
      { provider, param: "thinking.budgetTokens" },
    );
  }
  return { type: "enabled", budget_tokens: budget };
}
