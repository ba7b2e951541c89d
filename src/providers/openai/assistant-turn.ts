import type { ToolCallData } from "../../core/tool";
import { APIError } from "../../errors/api-error";
import { ParseError } from "../../errors/parse-error";
import type { Usage } from "../../core/usage";
import type { ChatCompletion } from "./api";
import { contentText } from "./content-text";
import { chatUsage, responsesUsage } from "./convert-usage";
import { responsesFinishReasons } from "./map-finish-reason";
import { chatErrorOf, stringOf } from "./stream-errors";
import type { ResponsesFunctionCall, ResponsesOutputMessage, ResponsesResponse } from "./responses-api";

/** What promptcall reads from an OpenAI response, whichever API produced it. */
export interface AssistantTurn {
  id: string | undefined;
  model: string;
  content: string;
  refusal: string | undefined;
  finishReasons: string[];
  toolCalls: ToolCallData[];
  usage: Usage | undefined;
  /** The id of generated audio, sent back in the history (Chat Completions audio output). */
  audioId?: string;
}

/** The raw JSON of an OpenAI call response: a Chat Completion or a Responses API response. */
export type OpenAIRawResponse = ChatCompletion | ResponsesResponse;

/**
 * Reads either response shape. A 200 body that is an error envelope (some OpenAI-compatible servers
 * send one) is an `APIError`; a body that is not a JSON object is a `ParseError`.
 */
export function readTurn(raw: OpenAIRawResponse, provider: string): AssistantTurn {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new ParseError(`${provider} answered with JSON that is not a response object.`, { raw: JSON.stringify(raw) });
  }
  const error = chatErrorOf(raw);
  if (error && !("choices" in raw) && !("output" in raw)) {
    const detail = stringOf(error.message)?.replace(/[.\s]+$/, "") ?? "no message";
    const fields = { code: stringOf(error.code), type: stringOf(error.type ?? error.status), param: stringOf(error.param) };
    throw new APIError(`${provider} returned HTTP 200 with an error: ${detail}.`, { status: 200, provider, body: raw, ...fields });
  }
  return raw.object === "response" ? readResponsesResponse(raw) : readChatCompletion(raw);
}

/** Reads the first choice of a Chat Completion. */
export function readChatCompletion(raw: ChatCompletion): AssistantTurn {
  const choice = raw.choices?.[0];
  const message = choice?.message;
  return {
    id: raw.id,
    model: raw.model,
    content: contentText(message?.content),
    refusal: message?.refusal ?? undefined,
    finishReasons: (raw.choices ?? []).flatMap((c) => (c.finish_reason ? [c.finish_reason] : [])),
    toolCalls: (message?.tool_calls ?? []).map((call) => ({
      id: call.id,
      name: call.function.name,
      args: call.function.arguments,
    })),
    usage: chatUsage(raw.usage),
    audioId: message?.audio?.id,
  };
}

/** Reads the output items of a Responses API response. */
export function readResponsesResponse(raw: ResponsesResponse): AssistantTurn {
  const output = raw.output ?? [];
  const messages = output.filter((item): item is ResponsesOutputMessage => item.type === "message");
  const parts = messages.flatMap((message) => message.content ?? []);
  const refusal = parts.map((part) => (part.type === "refusal" ? part.refusal : "")).join("");
  return {
    id: raw.id,
    model: raw.model,
    content: parts.map((part) => (part.type === "output_text" ? part.text : "")).join(""),
    refusal: refusal || undefined,
    finishReasons: responsesFinishReasons(raw),
    toolCalls: output
      .filter((item): item is ResponsesFunctionCall => item.type === "function_call")
      .map((call) => ({ id: call.call_id, name: call.name, args: call.arguments })),
    usage: responsesUsage(raw.usage),
  };
}
