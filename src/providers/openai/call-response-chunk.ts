import { BaseCallResponseChunk } from "../../core/call-response-chunk.ts";
import type { FinishReason } from "../../core/finish-reason.ts";
import type { ToolCallDelta } from "../../core/tools/partial-tool.ts";
import type { Usage } from "../../core/usage.ts";
import type { ChatCompletionChunk, ReasoningDetail } from "./api.ts";
import { contentText } from "./content-text.ts";
import { chatUsage } from "./convert-usage.ts";
import { mapFinishReason } from "./map-finish-reason.ts";

/** One streamed Chat Completions chunk (the Responses API has its own: `OpenAIResponsesChunk`). */
export class OpenAICallResponseChunk extends BaseCallResponseChunk<ChatCompletionChunk> {
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

  /** Pieces of OpenRouter's structured reasoning in this chunk (`delta.reasoning_details`); the stream merges them. */
  get reasoningDetails(): ReasoningDetail[] | undefined {
    return this.delta?.reasoning_details ?? undefined;
  }

  /** The pieces of tool calls this chunk adds, by index (parallel calls): what partial tools are made from. */
  get toolCallDeltas(): ToolCallDelta[] {
    const calls = this.delta?.tool_calls;
    if (!calls) return [];
    return calls.map((c) => ({ index: c.index ?? 0, id: c.id, name: c.function?.name, arguments: c.function?.arguments ?? "" }));
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
    return chatUsage(this.raw.usage);
  }

  override get model(): string | undefined {
    return this.raw.model || undefined;
  }

  override get id(): string | undefined {
    return this.raw.id || undefined;
  }

  /** When the completion was created (epoch seconds); Azure's first chunk has 0. */
  get created(): number | undefined {
    return this.raw.created || undefined;
  }

  private get choice() {
    const choices = this.raw.choices;
    if (!choices || choices.length === 0) return undefined;
    // Almost always one choice, index 0: skip the search (called several times per chunk).
    if ((choices[0].index ?? 0) === 0) return choices[0];
    return choices.find((choice) => (choice.index ?? 0) === 0);
  }

  private get delta() {
    return this.choice?.delta;
  }
}
