import type { Usage } from "../../core/usage.ts";
import type { AnthropicUsage } from "./api.ts";

/**
 * Anthropic usage as promptcall's: Anthropic's `input_tokens` leaves out cache reads and writes, so
 * `inputTokens` adds all three; `cachedTokens` are the reads and `cacheWriteTokens` the writes.
 * `output_tokens_details.thinking_tokens`, the thinking part of `output_tokens`, is `reasoningTokens`.
 */
export function convertUsage(usage: Partial<AnthropicUsage>): Usage {
  const read = usage.cache_read_input_tokens ?? 0;
  const write = usage.cache_creation_input_tokens ?? 0;
  const input = (usage.input_tokens ?? 0) + read + write;
  const output = usage.output_tokens ?? 0;
  const result: Usage = { inputTokens: input, outputTokens: output, cachedTokens: read, totalTokens: input + output };
  if (usage.cache_creation_input_tokens != null) result.cacheWriteTokens = write;
  const hour = usage.cache_creation?.ephemeral_1h_input_tokens;
  if (hour) result.cacheWrite1hTokens = hour; // only when there are some: 0 says nothing new
  const reasoning = usage.output_tokens_details?.thinking_tokens;
  if (reasoning != null) result.reasoningTokens = reasoning;
  return result;
}

/**
 * Only the fields one stream event reports. `inputTokens` is given only with `input_tokens`, and then
 * includes whatever cache counts the same event carries (the stream merges raw fields for the exact sum).
 */
export function partialUsage(usage: Partial<AnthropicUsage> | undefined): Partial<Usage> | undefined {
  if (!usage) return undefined;
  const out: Partial<Usage> = {};
  const read = usage.cache_read_input_tokens;
  const write = usage.cache_creation_input_tokens;
  if (usage.input_tokens != null) out.inputTokens = usage.input_tokens + (read ?? 0) + (write ?? 0);
  if (usage.output_tokens != null) out.outputTokens = usage.output_tokens;
  if (read != null) out.cachedTokens = read;
  if (write != null) out.cacheWriteTokens = write;
  // message_delta repeats the cache totals without this breakdown: the earlier value is kept.
  const hour = usage.cache_creation?.ephemeral_1h_input_tokens;
  if (hour) out.cacheWrite1hTokens = hour;
  const reasoning = usage.output_tokens_details?.thinking_tokens;
  if (reasoning != null) out.reasoningTokens = reasoning;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Applies a stream event's usage to the raw usage so far: present fields replace earlier ones. */
export function mergeAnthropicUsage(
  previous: Partial<AnthropicUsage> | undefined,
  update: Partial<AnthropicUsage> | undefined,
): Partial<AnthropicUsage> | undefined {
  if (!update) return previous;
  const next: Record<string, unknown> = { ...previous };
  for (const [key, value] of Object.entries(update)) if (value !== undefined && value !== null) next[key] = value;
  return next as Partial<AnthropicUsage>;
}
