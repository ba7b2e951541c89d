// Helpers of the per-provider `params` conversions (providers/<name>/convert-params.ts): they load with
// each provider's request-extras seam, only for a call that has params, never with a plain call.
import type { ThinkingLevel, ThinkingParams } from "./params.ts";

/** The thinking budget of each level where an API wants tokens (Anthropic's minimum budget is 1,024). */
export const THINKING_BUDGETS: Readonly<Record<Exclude<ThinkingLevel, "off">, number>> = { low: 1024, medium: 8192, high: 24576 };

/** The token budget `thinking` asks for: its `budgetTokens`, else its level's; 0 when off. */
export function thinkingBudget(thinking: ThinkingParams): number {
  if (thinking.level === "off") return 0;
  return thinking.budgetTokens ?? THINKING_BUDGETS[thinking.level];
}

/** Copies the entries of `fields` whose value is defined: a conversion never sends `undefined`s. */
export function definedFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out;
}
