import type { AssistantTurn, OpenAIRawResponse } from "../assistant-turn.ts";
import type { ResponsesFunctionCall, ResponsesOutputMessage, ResponsesResponse } from "./api.ts";
import { responsesUsage } from "./convert-usage.ts";

/** Reads the output items of a Responses API response. */
export function readResponsesResponse(raw: OpenAIRawResponse): AssistantTurn {
  const response = raw as ResponsesResponse;
  const output = response.output ?? [];
  const messages = output.filter((item): item is ResponsesOutputMessage => item.type === "message");
  const parts = messages.flatMap((message) => message.content ?? []);
  const refusal = parts.map((part) => (part.type === "refusal" ? part.refusal : "")).join("");
  return {
    id: response.id,
    model: response.model,
    content: parts.map((part) => (part.type === "output_text" ? part.text : "")).join(""),
    refusal: refusal || undefined,
    finishReasons: responsesFinishReasons(response),
    toolCalls: output
      .filter((item): item is ResponsesFunctionCall => item.type === "function_call")
      .map((call) => ({ id: call.call_id, name: call.name, args: call.arguments })),
    usage: responsesUsage(response.usage),
  };
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
