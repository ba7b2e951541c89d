import type { ToolCallData } from "../../core/tools/tool.ts";
import type { Usage } from "../../core/usage.ts";
import type { ChatCompletion, ReasoningDetail } from "./api.ts";
import { contentText } from "./content-text.ts";
import { chatUsage } from "./convert-usage.ts";
import type { ResponsesResponse } from "./responses/api.ts";

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
  /** Reasoning text some OpenAI-compatible services send (`reasoning_content`, or OpenRouter's `reasoning`). */
  reasoning?: string;
  /** OpenRouter's structured reasoning (`reasoning_details`), passed back whole. */
  reasoningDetails?: ReasoningDetail[];
}

/** The raw JSON of an OpenAI call response: a Chat Completion or a Responses API response. */
export type OpenAIRawResponse = ChatCompletion | ResponsesResponse;

/**
 * Reads the first choice of a Chat Completion; a body that is not a JSON object reads as empty here
 * (`resolveTools`, which every call awaits, reports it as a `ParseError`).
 */
export function readChatCompletion(raw: OpenAIRawResponse): AssistantTurn {
  if (!isObject(raw)) raw = {} as ChatCompletion; // `resolveTools` (awaited by every call) reports it
  const choices = (raw as ChatCompletion).choices;
  const message = choices?.[0]?.message;
  return {
    id: raw.id,
    model: raw.model,
    content: contentText(message?.content),
    refusal: message?.refusal ?? undefined,
    finishReasons: (choices ?? []).flatMap((c) => (c.finish_reason ? [c.finish_reason] : [])),
    toolCalls: (message?.tool_calls ?? []).map((call) => ({ id: call.id, name: call.function.name, args: call.function.arguments })),
    usage: chatUsage(raw.usage as ChatCompletion["usage"]),
    audioId: message?.audio?.id,
    reasoning: textOf(message?.reasoning_content) ?? textOf(message?.reasoning),
    reasoningDetails:
      Array.isArray(message?.reasoning_details) && message.reasoning_details.length > 0 ? message.reasoning_details : undefined,
  };
}

/** Whether a body is a JSON object (not null, not an array). */
export function isObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw);
}

function textOf(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
