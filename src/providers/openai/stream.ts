import type { BaseCallResponseChunk } from "../../core/call-response-chunk.ts";
import type { BaseMessageParam } from "../../core/message-param.ts";
import { BaseStream } from "../../core/stream.ts";
import type { ToolOutput } from "../../core/tools/tool.ts";
import type { ChatCompletion, ChatCompletionAssistantMessageParam, ChatCompletionMessageParam, ReasoningDetail } from "./api.ts";
import { assistantMessageParam, commonAssistantMessage, toolResultMessages } from "./assistant-message.ts";
import { OpenAICallResponse } from "./call-response.ts";
import type { OpenAICallResponseChunk } from "./call-response-chunk.ts";
import { toCompletionUsage } from "./convert-usage.ts";
import type { OpenAITool } from "./tool.ts";

/** What an OpenAI stream reads from its chunks besides the base fields (both APIs' chunks have it). */
export interface OpenAIChunk extends BaseCallResponseChunk {
  readonly refusal: string;
  readonly reasoning: string;
  readonly reasoningDetails: ReasoningDetail[] | undefined;
  readonly created: number | undefined;
}

/** A streamed Chat Completions call (the Responses API's stream, `OpenAIResponsesStream`, extends it). */
export class OpenAIStream<Chunk extends OpenAIChunk = OpenAICallResponseChunk> extends BaseStream<
  Chunk,
  ChatCompletionMessageParam,
  OpenAICallResponse,
  OpenAITool
> {
  /** Refusal text received so far. */
  refusal = "";
  /** Reasoning text received so far (`reasoning_content`: DeepSeek, xAI, vLLM; `reasoning`: OpenRouter, Groq). */
  reasoning = "";
  /**
   * OpenRouter's structured reasoning received so far (`reasoning_details`, its pieces merged), from any
   * service but OpenAI's own API (the stream of such a call is an `OpenAIReasoningDetailsStream`).
   */
  reasoningDetails: ReasoningDetail[] | undefined;
  private created: number | undefined;

  protected override onChunk(chunk: Chunk): void {
    super.onChunk(chunk);
    this.refusal += chunk.refusal;
    this.reasoning += chunk.reasoning;
    this.created ||= chunk.created;
  }

  /** The assistant message, ready to append to a history (complete after iteration). */
  get messageParam(): ChatCompletionAssistantMessageParam {
    return assistantMessageParam(this);
  }

  get commonMessageParam(): BaseMessageParam {
    return commonAssistantMessage(this);
  }

  /** Tool results as `role: "tool"` messages. */
  toolMessageParams(outputs: readonly ToolOutput[]): ChatCompletionMessageParam[] {
    return toolResultMessages(outputs);
  }

  /** A call response with the Chat Completion a non-streaming call would have returned. */
  constructCallResponse(): OpenAICallResponse {
    const message = assistantMessageParam(this);
    const raw: ChatCompletion = {
      id: this.id ?? "",
      object: "chat.completion",
      created: this.created || Math.floor(this.startTime / 1000),
      model: this.model,
      choices: [
        {
          index: 0,
          // The message as a history takes it, with the refusal (or null) and all reasoning text.
          message: {
            ...(message as ChatCompletion["choices"][number]["message"]),
            refusal: message.refusal ?? null,
            ...(this.reasoning && { reasoning_content: this.reasoning }),
          },
          finish_reason: (this.finishReasons.at(-1) ?? null) as ChatCompletion["choices"][number]["finish_reason"],
        },
      ],
      ...(this.usage && { usage: toCompletionUsage(this.usage) }),
    };
    return new OpenAICallResponse(this.responseInit(raw));
  }
}
