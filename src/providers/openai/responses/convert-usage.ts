import type { Usage } from "../../../core/usage.ts";
import { readUsage, writeUsage } from "../convert-usage.ts";
import type { ResponsesUsage } from "./api.ts";

/** Responses API usage as promptcall's `Usage`. */
export const responsesUsage = (usage: ResponsesUsage | null | undefined): Usage | undefined => readUsage(usage, "input", "output");

/** Usage as the Responses API reports it. */
export const toResponsesUsage = (usage: Usage): ResponsesUsage =>
  writeUsage(usage, "input", "output", { reasoning_tokens: usage.reasoningTokens ?? 0 }) as ResponsesUsage;
