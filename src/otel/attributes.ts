// The OpenTelemetry GenAI semantic-convention names, as string literals: `@opentelemetry/semantic-conventions`
// keeps them only in its incubating entry, all marked deprecated there (moved to the GenAI conventions
// repository, which has no npm package). See https://opentelemetry.io/docs/specs/semconv/gen-ai/.

/** Span attribute names this module sets. */
export const ATTR = {
  operationName: "gen_ai.operation.name",
  providerName: "gen_ai.provider.name",
  requestModel: "gen_ai.request.model",
  requestTemperature: "gen_ai.request.temperature",
  requestMaxTokens: "gen_ai.request.max_tokens",
  requestTopP: "gen_ai.request.top_p",
  requestTopK: "gen_ai.request.top_k",
  requestSeed: "gen_ai.request.seed",
  requestStopSequences: "gen_ai.request.stop_sequences",
  requestFrequencyPenalty: "gen_ai.request.frequency_penalty",
  requestPresencePenalty: "gen_ai.request.presence_penalty",
  responseModel: "gen_ai.response.model",
  responseId: "gen_ai.response.id",
  responseFinishReasons: "gen_ai.response.finish_reasons",
  inputTokens: "gen_ai.usage.input_tokens",
  outputTokens: "gen_ai.usage.output_tokens",
  inputMessages: "gen_ai.input.messages",
  outputMessages: "gen_ai.output.messages",
  errorType: "error.type",
  /** Ours: the call's cost in USD, when the model's price is known. */
  costUsd: "promptcall.cost_usd",
  /** Ours: false when the reader stopped a stream before its end. */
  streamCompleted: "promptcall.stream.completed",
} as const;

/** promptcall's provider names that differ from the conventions' `gen_ai.provider.name` values. */
const PROVIDER_NAMES: Record<string, string> = {
  google: "gcp.gemini",
  vertex: "gcp.vertex_ai",
  "vertex-anthropic": "gcp.vertex_ai",
  bedrock: "aws.bedrock",
  azure: "azure.ai.openai",
  xai: "x_ai",
  mistral: "mistral_ai",
};

/** The `gen_ai.provider.name` value of a promptcall provider (its own name when the conventions have none). */
export function genAiProviderName(provider: string): string {
  return PROVIDER_NAMES[provider] ?? provider;
}
