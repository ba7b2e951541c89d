import type { ChatCompletionStreamOptions, ChatCompletionToolChoiceOption, ResponseFormat } from "./api.ts";

/**
 * Chat Completions request parameters (https://platform.openai.com/docs/api-reference/chat/create).
 * With `api: "responses"` they are mapped to the Responses API: `max_completion_tokens`/`max_tokens` →
 * `max_output_tokens`, `reasoning_effort` → `reasoning.effort`, `response_format` → `text.format`,
 * `tool_choice` to its flat form; the rest is sent as given.
 */
export type OpenAICallParams = {
  /** Sampling temperature, 0–2. */
  temperature?: number;
  /** Nucleus sampling: only the tokens in the top `top_p` probability mass. */
  top_p?: number;
  /** Upper bound of generated tokens, reasoning tokens included. */
  max_completion_tokens?: number;
  /** Deprecated by OpenAI in favour of `max_completion_tokens` (o-series models reject it); OpenAI-compatible servers still use it. */
  max_tokens?: number;
  /** Best-effort deterministic sampling. */
  seed?: number;
  /** Up to 4 sequences where generation stops. */
  stop?: string | string[] | null;
  /** Which tool the model must (or must not) call. */
  tool_choice?: ChatCompletionToolChoiceOption;
  /** Whether the model may call several tools in one turn. */
  parallel_tool_calls?: boolean;
  /** How much the reasoning models think. */
  reasoning_effort?: "minimal" | "low" | "medium" | "high" | "none" | "xhigh";
  /** Output format; set by promptcall for `jsonMode` and `responseModel`. */
  response_format?: ResponseFormat;
  /** −2…2: penalises tokens by how often they appeared. */
  frequency_penalty?: number;
  /** −2…2: penalises tokens that appeared at all. */
  presence_penalty?: number;
  /** Token id → bias (−100…100). */
  logit_bias?: Record<string, number>;
  /** Return log probabilities of the output tokens. */
  logprobs?: boolean;
  /** How many most likely tokens to return at each position (needs `logprobs`). */
  top_logprobs?: number;
  /** How many choices to generate (promptcall reads the first). */
  n?: number;
  /** A stable id for the end user (abuse monitoring). */
  user?: string;
  /** A stable id used to improve prompt-cache hits. */
  prompt_cache_key?: string;
  /** Latency tier: "auto", "default", "flex", "priority". */
  service_tier?: "auto" | "default" | "flex" | "scale" | "priority";
  /** Whether OpenAI stores the completion (for evals and distillation). */
  store?: boolean;
  /** Key/value tags stored with the completion. */
  metadata?: Record<string, string>;
  /** Output verbosity of GPT-5 models. */
  verbosity?: "low" | "medium" | "high";
  /** Output types, e.g. `["text", "audio"]`. */
  modalities?: ("text" | "audio")[];
  /** Streaming options; promptcall always sets `include_usage: true` when streaming. */
  stream_options?: ChatCompletionStreamOptions;
  /** Extra body fields sent as they are (provider extensions of OpenAI-compatible services). */
  extraBody?: Record<string, unknown>;
};
