import type { BaseMessageParam } from "../../core/message-param";
import { BaseStream } from "../../core/stream";
import type { ToolOutput } from "../../core/tool";
import type { ChatCompletion, ChatCompletionAssistantMessageParam, ChatCompletionMessageParam } from "./api";
import { assistantMessageParam, commonAssistantMessage, toolResultMessages } from "./assistant-message";
import { OpenAICallResponse } from "./call-response";
import { finalResponse, isChat, type OpenAICallResponseChunk } from "./call-response-chunk";
import { toCompletionUsage, toResponsesUsage } from "./convert-usage";
import type { ResponsesOutputItem, ResponsesResponse } from "./responses-api";
import type { OpenAITool } from "./tool";

/** A streamed OpenAI call (Chat Completions, or the Responses API with `api: "responses"`). */
export class OpenAIStream extends BaseStream<
  OpenAICallResponseChunk,
  ChatCompletionMessageParam,
  OpenAICallResponse,
  OpenAITool
> {
  /** Refusal text received so far. */
  refusal = "";
  private responses = false;
  private created: number | undefined;
  private final: ResponsesResponse | undefined;

  protected override onChunk(chunk: OpenAICallResponseChunk): void {
    super.onChunk(chunk);
    this.refusal += chunk.refusal;
    const raw = chunk.raw;
    if (isChat(raw)) {
      // Azure's first chunk (prompt_filter_results, choices []) has created 0, id "" and model "".
      if (!this.created && raw.created) this.created = raw.created;
    } else {
      this.responses = true;
      this.final = finalResponse(raw) ?? this.final;
    }
  }

  /** The assistant message, ready to append to a history (complete after iteration). */
  get messageParam(): ChatCompletionAssistantMessageParam {
    return assistantMessageParam(this.parts());
  }

  get commonMessageParam(): BaseMessageParam {
    return commonAssistantMessage(this.parts());
  }

  /** Tool results as `role: "tool"` messages. */
  toolMessageParams(outputs: readonly ToolOutput[]): ChatCompletionMessageParam[] {
    return toolResultMessages(outputs);
  }

  /** A call response with the raw shape a non-streaming call would have returned. */
  constructCallResponse(): OpenAICallResponse {
    const raw = this.responses ? (this.final ?? this.responsesRaw()) : this.chatRaw();
    return new OpenAICallResponse(this.responseInit(raw));
  }

  private parts() {
    return { content: this.content, refusal: this.refusal || undefined, toolCalls: this.toolCalls };
  }

  private chatRaw(): ChatCompletion {
    const message = assistantMessageParam(this.parts());
    return {
      id: this.id ?? "",
      object: "chat.completion",
      created: this.created ?? Math.floor(this.startTime / 1000),
      model: this.model,
      choices: [
        {
          index: 0,
          message: {
            role: "assistant",
            content: message.content as string | null,
            refusal: message.refusal ?? null,
            ...(message.tool_calls ? { tool_calls: message.tool_calls } : {}),
          },
          finish_reason: (this.finishReasons.at(-1) ?? null) as ChatCompletion["choices"][number]["finish_reason"],
        },
      ],
      ...(this.usage ? { usage: toCompletionUsage(this.usage) } : {}),
    };
  }

  private responsesRaw(): ResponsesResponse {
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
