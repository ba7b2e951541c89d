import type { FinishReason } from "../../core/finish-reason.ts";

/** An OpenAI finish reason (Chat Completions, or the ones derived from a Responses status) normalised. */
export function mapFinishReason(reason: string): FinishReason {
  switch (reason) {
    case "length":
    case "max_output_tokens":
      return "length";
    case "tool_calls":
    case "function_call":
      return "tool_calls";
    case "content_filter":
      return "content_filter";
    case "failed":
    case "cancelled":
    case "error":
      return "error";
    default:
      return "stop";
  }
}
