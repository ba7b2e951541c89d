// Neutral `params` in the Converse API's names (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html):
// `inferenceConfig` { maxTokens, temperature, topP, stopSequences } for every model; the rest only
// where the model family takes it, in `additionalModelRequestFields`:
// - Claude: `top_k` and `thinking` { type: "enabled", budget_tokens } | { type: "disabled" }
//   (https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-extended-thinking.html);
// - Amazon Nova: `inferenceConfig.topK`, and on Nova 2 `reasoningConfig` { type, maxReasoningEffort }
//   (https://docs.aws.amazon.com/nova/latest/nova2-userguide/using-converse-api.html).
// Dropped: seed and the penalties (Converse has none), topK and thinking for other families.
import type { Params, ThinkingParams } from "../../core/params.ts";
import { definedFields, thinkingBudget } from "../../core/params-conversion.ts";
import type { BedrockCallParams } from "./call-params.ts";

/**
 * The call params with `params` under them: `inferenceConfig` and `additionalModelRequestFields`
 * are merged field by field, the call params' own values winning.
 */
export function withBedrockParams(callParams: BedrockCallParams, params: Params | undefined, model: string): BedrockCallParams {
  if (!params) return callParams;
  const inference = definedFields({
    maxTokens: params.maxTokens,
    temperature: params.temperature,
    topP: params.topP,
    stopSequences: params.stopSequences,
  });
  const fields = familyFields(params, model.toLowerCase());
  const out: BedrockCallParams = { ...callParams };
  if (Object.keys(inference).length > 0) out.inferenceConfig = { ...inference, ...callParams.inferenceConfig };
  if (Object.keys(fields).length > 0) out.additionalModelRequestFields = { ...fields, ...callParams.additionalModelRequestFields };
  return out;
}

/** The model family's own fields for `topK` and `thinking`. */
function familyFields(params: Params, model: string): Record<string, unknown> {
  const { topK, thinking } = params;
  if (model.includes("anthropic.claude")) {
    return definedFields({ top_k: topK, thinking: thinking && claudeThinking(thinking) });
  }
  if (model.includes("amazon.nova")) {
    const reasoning = thinking && model.includes("nova-2") ? novaReasoning(thinking) : undefined;
    return definedFields({ inferenceConfig: topK === undefined ? undefined : { topK }, reasoningConfig: reasoning });
  }
  return {};
}

function claudeThinking(thinking: ThinkingParams): Record<string, unknown> {
  return thinking.level === "off" ? { type: "disabled" } : { type: "enabled", budget_tokens: thinkingBudget(thinking) };
}

function novaReasoning(thinking: ThinkingParams): Record<string, unknown> {
  return thinking.level === "off" ? { type: "disabled" } : { type: "enabled", maxReasoningEffort: thinking.level };
}
