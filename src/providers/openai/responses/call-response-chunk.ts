import type { Usage } from "../../../core/usage.ts";
import type { OpenAIRawResponse, TurnReader } from "../assistant-turn.ts";
import { OpenAICallResponseChunk } from "../call-response-chunk.ts";
import type { ResponsesOutputItem, ResponsesResponse, ResponsesStreamEvent } from "./api.ts";
import { readResponsesResponse, responsesFinishReasons } from "./turn.ts";
import { responsesUsage, toResponsesUsage } from "./convert-usage.ts";
import type { OpenAIStream } from "../stream.ts";

/** What the chunks of one Responses API stream share: the last final response received. */
export interface ResponsesStreamState {
  final?: ResponsesResponse;
}

/** A Responses API stream event as a chunk (an `OpenAICallResponseChunk` reading the event's fields). */
export class OpenAIResponsesChunk extends OpenAICallResponseChunk {
  declare readonly raw: ResponsesStreamEvent;
  private readonly state: ResponsesStreamState;

  constructor(raw: ResponsesStreamEvent, state: ResponsesStreamState) {
    super(raw);
    this.state = state;
    state.final = finalResponse(raw) ?? state.final;
  }

  override get content(): string {
    return this.deltaOf("response.output_text.delta");
  }

  override get refusal(): string {
    return this.deltaOf("response.refusal.delta");
  }

  override get toolArgumentsDelta(): string {
    return this.deltaOf("response.function_call_arguments.delta");
  }

  override get finishReasons(): string[] {
    const response = finalResponse(this.raw);
    return response ? responsesFinishReasons(response) : [];
  }

  override get usage(): Partial<Usage> | undefined {
    return responsesUsage(finalResponse(this.raw)?.usage);
  }

  override get model(): string | undefined {
    return "response" in this.raw ? this.raw.response?.model : undefined;
  }

  override get id(): string | undefined {
    return "response" in this.raw ? this.raw.response?.id : undefined;
  }

  /** The final response received, or one built from what the stream accumulated. */
  override streamedResponse(stream: OpenAIStream): [OpenAIRawResponse, TurnReader] {
    return [this.state.final ?? builtResponse(stream), readResponsesResponse];
  }

  private deltaOf(type: ResponsesStreamEvent["type"]): string {
    return this.raw.type === type ? (this.raw as { delta: string }).delta : "";
  }
}

/** The response of a final event (completed, incomplete or failed). */
function finalResponse(raw: ResponsesStreamEvent): ResponsesResponse | undefined {
  const type = raw.type;
  const final = type === "response.completed" || type === "response.incomplete" || type === "response.failed";
  return final && "response" in raw ? raw.response : undefined;
}

/** A response built from a stream that ended without a final event. */
function builtResponse(stream: OpenAIStream): ResponsesResponse {
  const output: ResponsesOutputItem[] = [];
  const content = [
    ...(stream.content ? [{ type: "output_text" as const, text: stream.content, annotations: [] }] : []),
    ...(stream.refusal ? [{ type: "refusal" as const, refusal: stream.refusal }] : []),
  ];
  if (content.length > 0) output.push({ type: "message", id: "", role: "assistant", status: "completed", content });
  for (const call of stream.toolCalls) {
    const args = typeof call.args === "string" ? call.args : JSON.stringify(call.args);
    output.push({ type: "function_call", call_id: call.id, name: call.name, arguments: args, status: "completed" });
  }
  return {
    id: stream.id ?? "",
    object: "response",
    created_at: Math.floor(stream.startTime / 1000),
    model: stream.model,
    status: "completed",
    output,
    ...(stream.usage ? { usage: toResponsesUsage(stream.usage) } : {}),
  };
}
