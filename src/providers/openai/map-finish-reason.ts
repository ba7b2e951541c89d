import type { FinishReason } from "../../core/finish-reason";
import type { ResponsesResponse } from "./responses-api";

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

/**
 * The Responses API has a status instead of a finish reason: "completed" gives "tool_calls" when the
 * output has function calls and "stop" otherwise; "incomplete" gives its reason ("max_output_tokens",
 * "content_filter"); "failed" and "cancelled" are kept. A response still in progress gives none.
 */
export function responsesFinishReasons(response: ResponsesResponse): string[] {
  switch (response.status) {
    case "completed":
      return [response.output?.some((item) => item.type === "function_call") ? "tool_calls" : "stop"];
    case "incomplete":
      return [response.incomplete_details?.reason ?? "incomplete"];
    case "failed":
    case "cancelled":
      return [response.status];
    default:
      return [];
  }
}
