import { type FinishReason, UNKNOWN_FINISH_REASON } from "../../core/finish-reason.ts";

/**
 * A Converse `stopReason` as a common finish reason
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html#API_runtime_Converse_ResponseSyntax):
 * `guardrail_intervened` and `content_filtered` are content filters; the context window is a length stop.
 */
export function mapFinishReason(reason: string): FinishReason {
  switch (reason) {
    case "max_tokens":
    case "model_context_window_exceeded":
      return "length";
    case "tool_use":
      return "tool_calls";
    case "guardrail_intervened":
    case "content_filtered":
      return "content_filter";
    default:
      return UNKNOWN_FINISH_REASON;
  }
}
