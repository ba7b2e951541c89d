import type { FinishReason } from "../core/finish-reason.ts";
import type { BaseMessageParam } from "../core/message-param.ts";
import type { BaseStream } from "../core/stream.ts";
import type { ExecuteToolsOptions } from "../core/tools/execute-tools.ts";
import type { BaseTool, ToolCallData, ToolOutput } from "../core/tools/tool.ts";
import type { Usage } from "../core/usage.ts";
import { LLMCallResponse } from "./llm-call-response.ts";
import { thinkingText } from "./thinking-text.ts";

/** A provider-agnostic chunk: the text delta and normalised finish reasons. */
export interface LLMChunk {
  content: string;
  /** The thinking text delta ("" for none). */
  thinking: string;
  finishReasons: FinishReason[];
  /** The provider's own chunk. */
  chunk: unknown;
}

/** A provider-agnostic stream over any provider's stream. */
export class LLMStream<Tool extends BaseTool = BaseTool> implements AsyncIterable<[LLMChunk, Tool | undefined]> {
  /** The provider's own stream. */
  readonly stream: BaseStream;
  private readonly rerun: (history: unknown[]) => Promise<LLMCallResponse<Tool>>;

  constructor(stream: BaseStream, rerun: (history: unknown[]) => Promise<LLMCallResponse<Tool>>) {
    this.stream = stream;
    this.rerun = rerun;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<[LLMChunk, Tool | undefined]> {
    for await (const [chunk, tool] of this.stream) {
      const thinking = thinkingText(chunk as { thinking?: unknown; reasoning?: unknown });
      yield [{ content: chunk.content, thinking, finishReasons: chunk.commonFinishReasons, chunk }, tool as Tool | undefined];
    }
  }

  get content(): string {
    return this.stream.content;
  }
  get finishReasons(): FinishReason[] {
    return this.stream.commonFinishReasons;
  }
  /** The same as `finishReasons` (already normalised): lets `toEventStreamResponse` read an llm stream as a provider's. */
  get commonFinishReasons(): FinishReason[] {
    return this.stream.commonFinishReasons;
  }
  /** Completed tool calls, raw (`tools` holds them validated). */
  get toolCalls(): readonly ToolCallData[] {
    return this.stream.toolCalls;
  }
  /** The thinking text received so far (complete after iteration). */
  get thinking(): string {
    return thinkingText(this.stream);
  }
  get provider(): string {
    return this.stream.provider;
  }
  get model(): string {
    return this.stream.model;
  }
  get usage(): Usage | undefined {
    return this.stream.usage;
  }
  get cost(): number | undefined {
    return this.stream.cost;
  }
  get tools(): Tool[] {
    return this.stream.tools as Tool[];
  }
  get tool(): Tool | undefined {
    return this.tools[0];
  }
  /** The assistant message in the provider-neutral format. */
  get messageParam(): BaseMessageParam {
    return this.stream.commonMessageParam;
  }
  /** Tool results as provider-neutral messages. */
  toolMessageParams(outputs: readonly ToolOutput[]): BaseMessageParam[] {
    return this.stream.commonToolMessageParams(outputs);
  }
  /** Runs every completed tool call; failures are `[tool, text, error]` results unless `throwOnError`. */
  executeTools(options?: ExecuteToolsOptions): Promise<ToolOutput<Tool>[]> {
    return this.stream.executeTools(options) as Promise<ToolOutput<Tool>[]>;
  }
  /** A common response built from the chunks. */
  constructCallResponse(): LLMCallResponse<Tool> {
    return new LLMCallResponse<Tool>(this.stream.constructCallResponse(), this.rerun);
  }
  /** A ReadableStream of the text deltas. */
  textStream(): ReadableStream<string> {
    return this.stream.textStream();
  }
  /** A `text/plain` Response streaming the text. */
  toResponse(init?: ResponseInit): Response {
    return this.stream.toResponse(init);
  }
  /** Cancels the upstream request now, even while a read is waiting on the model. */
  abort(reason?: unknown): void {
    this.stream.abort(reason);
  }
  /** Sends tool outputs back (non-streaming turn). */
  resume(outputs: readonly ToolOutput[]): Promise<LLMCallResponse<Tool>> {
    return this.rerun([...this.stream.messages, this.messageParam, ...this.toolMessageParams(outputs)]);
  }
}
