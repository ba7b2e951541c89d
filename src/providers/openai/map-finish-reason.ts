import { type FinishReason, UNKNOWN_FINISH_REASON } from "../../core/finish-reason.ts";

/**
 * An OpenAI finish reason (Chat Completions, or the ones derived from a Responses status) normalised;
 * a reason this code does not know gives `UNKNOWN_FINISH_REASON`, as in every provider.
 */
export function mapFinishReason(reason: string): FinishReason {
  switch (reason) {
    case "stop":
      return "stop";
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
      return UNKNOWN_FINISH_REASON;
  }
}
