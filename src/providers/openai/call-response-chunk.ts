import { BaseCallResponseChunk } from "../../core/call-response-chunk.ts";
import type { FinishReason } from "../../core/finish-reason.ts";
import type { Usage } from "../../core/usage.ts";
import type { ChatCompletionChunk, ReasoningDetail } from "./api.ts";
import type { OpenAIRawResponse, TurnReader } from "./assistant-turn.ts";
import { contentText } from "./content-text.ts";
import { chatUsage } from "./convert-usage.ts";
import { mapFinishReason } from "./map-finish-reason.ts";
import type { ResponsesStreamEvent } from "./responses/api.ts";
import type { OpenAIStream } from "./stream.ts";

/** One piece of an OpenAI stream: a Chat Completions chunk, or a Responses API event. */
export type OpenAIRawChunk = ChatCompletionChunk | ResponsesStreamEvent;

/**
 * A streamed chunk (Chat Completions) or event (`api: "responses"`). The getters here read a Chat
 * Completions chunk; a Responses API event is a subclass (loaded with that API) that reads its own.
 */
export class OpenAICallResponseChunk extends BaseCallResponseChunk<OpenAIRawChunk> {
  get content(): string {
    return contentText(this.delta?.content);
  }

  /** The refusal text this chunk adds. */
  get refusal(): string {
    return this.delta?.refusal ?? "";
  }

  /** The reasoning text this chunk adds (`delta.reasoning_content`: DeepSeek, xAI, vLLM; `delta.reasoning`: OpenRouter, Groq). */
  get reasoning(): string {
    const delta = this.delta;
    return delta?.reasoning_content || delta?.reasoning || "";
  }

  /** OpenRouter's reasoning details merged up to this chunk (set by the stream decoder when some arrived). */
  declare mergedReasoningDetails?: ReasoningDetail[];

  /** Pieces of OpenRouter's structured reasoning in this chunk (`delta.reasoning_details`). */
  get reasoningDetails(): ReasoningDetail[] | undefined {
    return this.delta?.reasoning_details ?? undefined;
  }

  /** The tool-call argument text this chunk adds (for streamed structured output in tool mode). */
  get toolArgumentsDelta(): string {
    return (this.delta?.tool_calls ?? []).map((c) => c.function?.arguments ?? "").join("");
  }

  get finishReasons(): string[] {
    const reason = this.choice?.finish_reason;
    return reason ? [reason] : [];
  }

  override get commonFinishReasons(): FinishReason[] {
    return this.finishReasons.map(mapFinishReason);
  }

  get usage(): Partial<Usage> | undefined {
    return chatUsage((this.raw as ChatCompletionChunk).usage);
  }

  override get model(): string | undefined {
    return (this.raw as ChatCompletionChunk).model || undefined;
  }

  override get id(): string | undefined {
    return (this.raw as ChatCompletionChunk).id || undefined;
  }

  /**
   * The raw response (and its reader) for `constructCallResponse` of a stream whose last chunk this
   * is; Chat Completions chunks leave it out and the stream builds a Chat Completion. (Internal.)
   */
  streamedResponse?(stream: OpenAIStream): [OpenAIRawResponse, TurnReader];

  private get choice() {
    const choices = (this.raw as ChatCompletionChunk).choices;
    if (!choices || choices.length === 0) return undefined;
    // Almost always one choice, index 0: skip the search (called several times per chunk).
    if ((choices[0].index ?? 0) === 0) return choices[0];
    return choices.find((choice) => (choice.index ?? 0) === 0);
  }

  private get delta() {
    return this.choice?.delta;
  }
}
