/**
 * Models released before Structured Outputs (gpt-4o-2024-08-06): they reject the `json_schema`
 * response format, so `responseModel` falls back to a forced tool call. Everything else (gpt-4o*,
 * gpt-4.1*, gpt-5*, o1/o3/o4*, chatgpt-4o-latest, and models unknown here) is assumed to support it.
 * https://platform.openai.com/docs/guides/structured-outputs#supported-models
 */
const LEGACY_MODELS = /^(openai\/)?(gpt-3\.5|gpt-4($|-)|gpt-4o-2024-05-13$|o1-(mini|preview))/i;

/** Whether an OpenAI model supports Structured Outputs (the `json_schema` response format). */
export function openaiSupportsJsonSchema(model: string): boolean {
  return !LEGACY_MODELS.test(model);
}
