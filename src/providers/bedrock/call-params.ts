import type { BedrockInferenceConfig, BedrockToolChoice, BedrockToolSpec } from "./api.ts";

/**
 * Bedrock call parameters, named as the Converse API names its request fields
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html). They are sent
 * as given; `toolChoice` and `tools` go into `toolConfig` beside the call's defined tools.
 */
export type BedrockCallParams = {
  /** `maxTokens`, `temperature`, `topP`, `stopSequences`: the parameters every model takes. */
  inferenceConfig?: BedrockInferenceConfig;
  /** How the model may use tools: `{ auto: {} }`, `{ any: {} }` or `{ tool: { name } }` (the last two on some models only). */
  toolChoice?: BedrockToolChoice;
  /** Native tool entries sent after the call's defined tools (e.g. `{ cachePoint: { type: "default" } }`). */
  tools?: (BedrockToolSpec | Record<string, unknown>)[];
  /**
   * Model-specific fields, e.g. Claude's extended thinking:
   * `{ thinking: { type: "enabled", budget_tokens: 1024 } }`.
   */
  additionalModelRequestFields?: Record<string, unknown>;
  /** JSON pointers of model-specific response fields to return in `additionalModelResponseFields`. */
  additionalModelResponseFieldPaths?: string[];
  /** A guardrail: `{ guardrailIdentifier, guardrailVersion, trace? }`. */
  guardrailConfig?: Record<string, unknown>;
  /** Latency optimisation: `{ latency: "standard" | "optimized" }`. */
  performanceConfig?: Record<string, unknown>;
  /** Key-value pairs for invocation logs. */
  requestMetadata?: Record<string, string>;
  /** Variables of a Prompt management prompt (when `model` is a prompt ARN). */
  promptVariables?: Record<string, unknown>;
};
