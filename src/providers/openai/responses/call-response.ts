import type { CallResponseInit } from "../../../core/call-response.ts";
import type { OpenAIRawResponse } from "../assistant-turn.ts";
import { OpenAICallResponse } from "../call-response.ts";
import { readResponsesResponse } from "./turn.ts";

/**
 * The response of a Responses API call: `raw` is the Responses API response, read once here; every
 * getter, `messageParam` (a Chat Completions assistant message, converted back to input items by the
 * next call) and the tool calls come from that reading.
 */
export class OpenAIResponsesCallResponse extends OpenAICallResponse {
  constructor(init: CallResponseInit<OpenAIRawResponse>) {
    super(init, readResponsesResponse(init.raw));
  }
}
