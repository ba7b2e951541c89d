import type { FinishReason } from "../../core/finish-reason.ts";

/**
 * An Anthropic `stop_reason` as a common finish reason. `pause_turn` (a server tool loop paused; send
 * the response back to continue) counts as a stop; `refusal` as a content filter.
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
    default:
      return "stop";
  }
}
