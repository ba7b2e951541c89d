import { BaseCallResponseChunk } from "../../core/call-response-chunk";
import type { FinishReason } from "../../core/finish-reason";
import type { Usage } from "../../core/usage";
import type { ChatCompletionChunk } from "./api";
import { contentText } from "./content-text";
import { chatUsage, responsesUsage } from "./convert-usage";
import { mapFinishReason, responsesFinishReasons } from "./map-finish-reason";
import type { ResponsesResponse, ResponsesStreamEvent } from "./responses-api";

/** One piece of an OpenAI stream: a Chat Completions chunk, or a Responses API event. */
export type OpenAIRawChunk = ChatCompletionChunk | ResponsesStreamEvent;

const FINAL_EVENTS = new Set(["response.completed", "response.incomplete", "response.failed"]);

/** A streamed chunk (Chat Completions) or event (`api: "responses"`). */
export class OpenAICallResponseChunk extends BaseCallResponseChunk<OpenAIRawChunk> {
  get content(): string {
    const raw = this.raw;
    if (isChat(raw)) return contentText(firstChoice(raw)?.delta?.content);
    return raw.type === "response.output_text.delta" ? raw.delta : "";
  }

  /** The refusal text this chunk adds. */
  get refusal(): string {
    const raw = this.raw;
    if (isChat(raw)) return firstChoice(raw)?.delta?.refusal ?? "";
    return raw.type === "response.refusal.delta" ? raw.delta : "";
  }

  /** The tool-call argument text this chunk adds (for streamed structured output in tool mode). */
  get toolArgumentsDelta(): string {
    const raw = this.raw;
    if (isChat(raw)) return (firstChoice(raw)?.delta?.tool_calls ?? []).map((c) => c.function?.arguments ?? "").join("");
    return raw.type === "response.function_call_arguments.delta" ? raw.delta : "";
  }

  get finishReasons(): string[] {
    const raw = this.raw;
    if (isChat(raw)) {
      const reason = firstChoice(raw)?.finish_reason;
      return reason ? [reason] : [];
    }
    const response = finalResponse(raw);
    return response ? responsesFinishReasons(response) : [];
  }

  override get commonFinishReasons(): FinishReason[] {
    return this.finishReasons.map(mapFinishReason);
  }

  get usage(): Partial<Usage> | undefined {
    const raw = this.raw;
    if (isChat(raw)) return chatUsage(raw.usage);
    return responsesUsage(finalResponse(raw)?.usage);
  }

  override get model(): string | undefined {
    const raw = this.raw;
    if (isChat(raw)) return raw.model || undefined;
    return "response" in raw ? raw.response?.model : undefined;
  }

  override get id(): string | undefined {
    const raw = this.raw;
    if (isChat(raw)) return raw.id || undefined;
    return "response" in raw ? raw.response?.id : undefined;
  }
}

/** Whether a raw chunk comes from Chat Completions (the Responses API's events all have a `type`). */
export function isChat(raw: OpenAIRawChunk): raw is ChatCompletionChunk {
  return typeof (raw as { type?: unknown }).type !== "string";
}

/** The response of a final Responses event (completed, incomplete or failed). */
export function finalResponse(raw: ResponsesStreamEvent): ResponsesResponse | undefined {
  return FINAL_EVENTS.has(raw.type) && "response" in raw ? raw.response : undefined;
}

function firstChoice(raw: ChatCompletionChunk) {
  const choices = raw.choices;
  if (!choices || choices.length === 0) return undefined;
  // Almost always one choice, index 0: skip the search (called several times per chunk).
  if ((choices[0].index ?? 0) === 0) return choices[0];
  return choices.find((choice) => (choice.index ?? 0) === 0);
}
