import { type FinishReason, UNKNOWN_FINISH_REASON } from "../../core/finish-reason.ts";

/**
 * An Anthropic `stop_reason` as a common finish reason. `pause_turn` (a server tool loop paused; send
 * the response back to continue) counts as a stop; `refusal` as a content filter; a reason this code
 * does not know as `UNKNOWN_FINISH_REASON`.
 */
export function mapFinishReason(reason: string): FinishReason {
  switch (reason) {
    case "max_tokens":
    case "model_context_window_exceeded":
      return "length";
    case "tool_use":
      return "tool_calls";
    case "refusal":
      return "content_filter";
    case "end_turn":
    case "stop_sequence":
    case "pause_turn":
      return "stop";
    default:
      return UNKNOWN_FINISH_REASON;
  }
}
