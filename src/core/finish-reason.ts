/** Finish reasons normalised across providers. */
export type FinishReason = "stop" | "length" | "tool_calls" | "content_filter" | "error";

/**
 * What every provider maps a finish reason it does not know to. A reason added after this code was
 * written comes with a call that succeeded (a failure is an HTTP error, an error event or one of the
 * reasons a provider maps to "error" by name), so it counts as a normal stop.
 */
export const UNKNOWN_FINISH_REASON: FinishReason = "stop";
