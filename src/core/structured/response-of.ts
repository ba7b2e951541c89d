import type { BaseCallResponse } from "../call-response.ts";

const responses = new WeakMap<object, BaseCallResponse>();

/** The call response a `responseModel` value came from (object values only). */
export function responseOf(value: unknown): BaseCallResponse | undefined {
  return typeof value === "object" && value !== null ? responses.get(value) : undefined;
}

/** Records which response produced a structured value. */
export function rememberResponse(value: unknown, response: BaseCallResponse): void {
  if (typeof value === "object" && value !== null) responses.set(value, response);
}

/** True when a `responseModel` + `tools` call returned a response with tool calls instead of a value. */
export function isCallResponse<V>(value: V): value is Extract<V, { readonly toolCalls: unknown }> {
  return (
    typeof value === "object" &&
    value !== null &&
    "toolCalls" in value &&
    "messageParam" in value &&
    typeof (value as { resume?: unknown }).resume === "function"
  );
}
