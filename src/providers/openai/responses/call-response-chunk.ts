import { BaseCallResponseChunk } from "../../../core/call-response-chunk.ts";
import type { FinishReason } from "../../../core/finish-reason.ts";
import type { ToolCallDelta } from "../../../core/tools/partial-tool.ts";
import type { Usage } from "../../../core/usage.ts";
import type { ReasoningDetail } from "../api.ts";
import { mapFinishReason } from "../map-finish-reason.ts";
import type { ResponsesResponse, ResponsesStreamEvent } from "./api.ts";
import { responsesUsage } from "./convert-usage.ts";
import { responsesFinishReasons } from "./turn.ts";

/** One Responses API stream event as a chunk: it reads only its own event. */
export class OpenAIResponsesChunk extends BaseCallResponseChunk<ResponsesStreamEvent> {
  get content(): string {
    return this.deltaOf("response.output_text.delta");
  }

  /** The refusal text this event adds. */
  get refusal(): string {
    return this.deltaOf("response.refusal.delta");
  }

  /** Reasoning text: the Responses API streams none as plain deltas here. */
  get reasoning(): string {
    return "";
  }

  /** OpenRouter's reasoning details: a Chat Completions field, never in a Responses event. */
  get reasoningDetails(): ReasoningDetail[] | undefined {
    return undefined;
  }

  /**
   * The function-call piece this event adds, by output index: the call's id and name when its item is
   * added (`response.output_item.added`), argument text with `response.function_call_arguments.delta`.
   */
  get toolCallDeltas(): ToolCallDelta[] {
    const raw = this.raw;
    if (raw.type === "response.function_call_arguments.delta") return [{ index: raw.output_index, arguments: raw.delta }];
    if (raw.type !== "response.output_item.added" || raw.item.type !== "function_call") return [];
    return [{ index: raw.output_index, id: raw.item.call_id, name: raw.item.name, arguments: raw.item.arguments ?? "" }];
  }

  /** The function-call argument text this event adds (for streamed structured output in tool mode). */
  get toolArgumentsDelta(): string {
    return this.deltaOf("response.function_call_arguments.delta");
  }

  /** Responses carry `created_at` only on the final response. */
  get created(): number | undefined {
    return this.response?.created_at;
  }

  /** The response of a final event (completed, incomplete or failed). */
  get response(): ResponsesResponse | undefined {
    const raw = this.raw;
    const type = raw.type;
    const final = type === "response.completed" || type === "response.incomplete" || type === "response.failed";
    return final && "response" in raw ? raw.response : undefined;
  }

  get finishReasons(): string[] {
    const response = this.response;
    return response ? responsesFinishReasons(response) : [];
  }

  override get commonFinishReasons(): FinishReason[] {
    return this.finishReasons.map(mapFinishReason);
  }

  get usage(): Partial<Usage> | undefined {
    return responsesUsage(this.response?.usage);
  }

  override get model(): string | undefined {
    return "response" in this.raw ? this.raw.response?.model : undefined;
  }

  override get id(): string | undefined {
    return "response" in this.raw ? this.raw.response?.id : undefined;
  }

  private deltaOf(type: ResponsesStreamEvent["type"]): string {
    return this.raw.type === type ? (this.raw as { delta: string }).delta : "";
  }
}
