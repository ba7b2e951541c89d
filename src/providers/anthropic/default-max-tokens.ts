import type { AnthropicThinkingConfig } from "./api.ts";

/**
 * Default `max_tokens` (the API requires one) by model family. Every Claude model allows at least
 * 4096 output tokens; Claude 3.5 and newer allow at least 8192
 * (https://docs.anthropic.com/en/docs/about-claude/models/overview). Larger limits exist (64K for
 * Sonnet 4.x) but a big default makes slow non-streaming calls; pass `max_tokens` to go higher.
 */
const DEFAULTS: readonly [RegExp, number][] = [
  [/^claude-3-(opus|sonnet|haiku)/, 4096],
  [/^claude-3-[57]-/, 8192],
  [/^claude-(opus|sonnet|haiku)-[4-9]/, 8192],
  [/^claude-[4-9]/, 8192],
];

/** The fallback for unknown models. */
export const FALLBACK_MAX_TOKENS = 4096;

/** The `max_tokens` sent when the call does not set one; with thinking it leaves room beyond the budget. */
export function defaultMaxTokens(model: string, thinking?: AnthropicThinkingConfig): number {
  const bare = model.toLowerCase().replace(/^anthropic\//, "");
  const base = DEFAULTS.find(([pattern]) => pattern.test(bare))?.[1] ?? FALLBACK_MAX_TOKENS;
  return thinking?.type === "enabled" ? thinking.budget_tokens + base : base;
}
