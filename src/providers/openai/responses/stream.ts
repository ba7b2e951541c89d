import type { ResponsesOutputItem, ResponsesResponse } from "./api.ts";
import { OpenAIStream } from "../stream.ts";
import type { OpenAIResponsesChunk } from "./call-response-chunk.ts";
import { OpenAIResponsesCallResponse } from "./call-response.ts";
import { toResponsesUsage } from "./convert-usage.ts";

/** A streamed Responses API call: the OpenAI stream, keeping the final response its last event carried. */
export class OpenAIResponsesStream extends OpenAIStream<OpenAIResponsesChunk> {
  private final: ResponsesResponse | undefined;

  protected override onChunk(chunk: OpenAIResponsesChunk): void {
    super.onChunk(chunk);
    this.final = chunk.response ?? this.final;
  }

  /** A call response on the final response received, or on one built from what the stream accumulated. */
  override constructCallResponse(): OpenAIResponsesCallResponse {
    return new OpenAIResponsesCallResponse(this.responseInit(this.final ?? this.builtResponse()));
  }

  /** A response built from a stream that ended without a final event. */
  private builtResponse(): ResponsesResponse {
    const output: ResponsesOutputItem[] = [];
    const content = [
      ...(this.content ? [{ type: "output_text" as const, text: this.content, annotations: [] }] : []),
      ...(this.refusal ? [{ type: "refusal" as const, refusal: this.refusal }] : []),
    ];
    if (content.length > 0) output.push({ type: "message", id: "", role: "assistant", status: "completed", content });
    for (const call of this.toolCalls) {
      const args = typeof call.args === "string" ? call.args : JSON.stringify(call.args);
      output.push({ type: "function_call", call_id: call.id, name: call.name, arguments: args, status: "completed" });
    }
    return {
      id: this.id ?? "",
      object: "response",
      created_at: Math.floor(this.startTime / 1000),
      model: this.model,
      status: "completed",
      output,
      ...(this.usage ? { usage: toResponsesUsage(this.usage) } : {}),
    };
  }
}
