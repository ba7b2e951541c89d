/** Finish reasons normalised across providers. */
export type FinishReason = "stop" | "length" | "tool_calls" | "content_filter" | "error";
