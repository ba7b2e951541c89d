import type { BaseMessageParam } from "../../core/message-param.ts";
import { BaseStream } from "../../core/stream.ts";
import type { ToolOutput } from "../../core/tools/tool.ts";
import type {
  ChatCompletion,
  ChatCompletionAssistantMessageParam,
  ChatCompletionChunk,
  ChatCompletionMessageParam,
  ReasoningDetail,
} from "./api.ts";
import { assistantMessageParam, commonAssistantMessage, toolResultMessages } from "./assistant-message.ts";
import { OpenAICallResponse } from "./call-response.ts";
import type { OpenAICallResponseChunk } from "./call-response-chunk.ts";
import { toCompletionUsage } from "./convert-usage.ts";
import type { OpenAITool } from "./tool.ts";

/** A streamed OpenAI call (Chat Completions, or the Responses API with `api: "responses"`). */
export class OpenAIStream extends BaseStream<OpenAICallResponseChunk, ChatCompletionMessageParam, OpenAICallResponse, OpenAITool> {
  /** Refusal text received so far. */
  refusal = "";
  /** Reasoning text received so far (`reasoning_content`: DeepSeek, xAI, vLLM; `reasoning`: OpenRouter, Groq). */
  reasoning = "";
  /** OpenRouter's structured reasoning received so far (`reasoning_details`, its pieces merged). */
  reasoningDetails: ReasoningDetail[] | undefined;
  private created: number | undefined;
  private last: OpenAICallResponseChunk | undefined;

  protected override onChunk(chunk: OpenAICallResponseChunk): void {
    super.onChunk(chunk);
    this.refusal += chunk.refusal;
    this.reasoning += chunk.reasoning;
    this.reasoningDetails = chunk.mergedReasoningDetails ?? this.reasoningDetails;
    this.last = chunk;
    // Azure's first chunk (prompt_filter_results, choices []) has created 0, id "" and model "".
    this.created ||= (chunk.raw as ChatCompletionChunk).created;
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
    // A Responses API stream's chunks build their own raw response; Chat Completions is built here.
    const [raw, read] = this.last?.streamedResponse?.(this) ?? [this.chatRaw()];
    return new OpenAICallResponse(this.responseInit(raw), read);
  }

  private parts() {
    return {
      content: this.content,
      refusal: this.refusal || undefined,
      toolCalls: this.toolCalls,
      reasoning: this.reasoning || undefined,
      reasoningDetails: this.reasoningDetails,
    };
  }

  private chatRaw(): ChatCompletion {
    const message = assistantMessageParam(this.parts());
    return {
      id: this.id ?? "",
      object: "chat.completion",
      created: this.created || Math.floor(this.startTime / 1000),
      model: this.model,
      choices: [
        {
          index: 0,
          message: {
            role: "assistant",
            content: message.content as string | null,
            refusal: message.refusal ?? null,
            ...(message.tool_calls && { tool_calls: message.tool_calls }),
            ...(this.reasoning && { reasoning_content: this.reasoning }),
            ...(this.reasoningDetails && { reasoning_details: this.reasoningDetails }),
          },
          finish_reason: (this.finishReasons.at(-1) ?? null) as ChatCompletion["choices"][number]["finish_reason"],
        },
      ],
      ...(this.usage && { usage: toCompletionUsage(this.usage) }),
    };
  }
}
