import { failures } from "../http/seams.ts";
import { textResponse } from "../web-streams/response.ts";
import { toReadableStream } from "../web-streams/to-readable-stream.ts";
import { wholeCodePoints } from "../web-streams/whole-code-points.ts";
import type { BaseCallParams } from "./call-params.ts";
import type { BaseCallResponse } from "./call-response.ts";
import type { BaseCallResponseChunk } from "./call-response-chunk.ts";
import { commonToolMessageParams } from "./tools/common-messages.ts";
import type { ExecuteToolsOptions } from "./tools/execute-tools.ts";
import { tools } from "./seams.ts";
import type { ToolCallDelta } from "./tools/partial-tool.ts";
import type { FinishReason } from "./finish-reason.ts";
import type { BaseMessageParam } from "./message-param.ts";
import { callCost } from "./cost/cost.ts";
import { BaseTool as BaseToolClass } from "./tools/base-tool.ts";
import type { BaseTool, ToolCallData, ToolDefinition, ToolOutput } from "./tools/tool.ts";
import type { ToolClass } from "./tools/tool-class.ts";
import { mergeUsage, type Usage } from "./usage-merge.ts";

/** One item from a provider's `handleStream`: a chunk, and a tool call when one just completed. */
export interface StreamItem<Chunk> {
  chunk: Chunk;
  toolCall?: ToolCallData;
}

/** What the factory hands a stream. */
export interface StreamInit<Chunk> {
  /** The items of `handleStream`, one by one. */
  items: AsyncIterable<StreamItem<Chunk>>;
  provider: string;
  model: string;
  messages: readonly unknown[];
  toolDefinitions: readonly ToolDefinition[];
  toolClass: ToolClass;
  /** The structured-output tool's name (`responseModel` in tool mode): a call to it is no unknown tool. */
  structuredTool?: string;
  callParams: BaseCallParams;
  metadata: Record<string, unknown>;
  startTime: number;
  /** Cancels the upstream request. */
  abort: (reason?: unknown) => void;
  /** The call's signal: when it aborts, iteration rejects with its reason. */
  signal?: AbortSignal;
  /** Re-runs the call (non-streaming) with a new history: what `constructCallResponse().resume` uses. */
  resume?: (messages: unknown[]) => Promise<unknown>;
  /** Yield partial tools as their arguments arrive (`stream: { partialTools: true }`). */
  partialTools?: boolean;
  /** Re-runs the call as a stream with a new history: what `stream.resume` uses. */
  resumeStream?: (messages: unknown[]) => Promise<unknown>;
}

/** A streamed call: iterate once with `for await (const [chunk, tool] of stream)`. */
export abstract class BaseStream<
  Chunk extends BaseCallResponseChunk = BaseCallResponseChunk,
  MessageParam = unknown,
  CallResponse extends BaseCallResponse = BaseCallResponse,
  Tool extends BaseTool = BaseTool,
> implements AsyncIterable<[Chunk, Tool | undefined]>
{
  /** Text received so far. */
  content = "";
  /** Finish reasons received so far. */
  finishReasons: string[] = [];
  /** Normalised finish reasons received so far. */
  commonFinishReasons: FinishReason[] = [];
  /** Usage as last reported (fields replace earlier values). */
  usage: Usage | undefined;
  /** The response id, once a chunk carried it. */
  id: string | undefined;
  /** The model that answers. */
  model: string;
  /** Completed tool calls, raw. */
  readonly toolCalls: ToolCallData[] = [];
  /** Completed, validated tool calls. */
  readonly tools: Tool[] = [];
  readonly provider: string;
  readonly messages: readonly unknown[];
  readonly metadata: Record<string, unknown>;
  readonly startTime: number;
  endTime: number | undefined;
  /**
   * Called once when iteration ends (set by middleware): `completed` false when the reader stopped
   * early; `failure` when it failed or was aborted. Never called per chunk.
   */
  endHook: ((completed: boolean, failure?: { error: unknown }) => void) | undefined;
  protected readonly init: StreamInit<Chunk>;
  private started = false;
  private lastChunk: Chunk | undefined;

  constructor(init: StreamInit<Chunk>) {
    this.init = init;
    this.provider = init.provider;
    this.model = init.model;
    this.messages = init.messages;
    this.metadata = init.metadata;
    this.startTime = init.startTime;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<[Chunk, Tool | undefined]> {
    if (this.started) {
      throw new (await failures()).PromptcallError(
        "This stream was already iterated (once only): read stream.content, stream.tools or constructCallResponse(), or call again.",
      );
    }
    this.started = true;
    let completed = false;
    let failure: { error: unknown } | undefined;
    try {
      // Partial tools load only when asked for (`stream: { partialTools: true }`), once per stream.
      const partials = this.init.partialTools ? new (await tools()).PartialToolTracker(this.init.toolDefinitions) : undefined;
      // Tool resolution loads with the tools seam, before the first chunk when the call can produce tool calls.
      if (this.init.toolDefinitions.length > 0 || this.init.structuredTool) await tools();
      for await (const item of this.init.items) {
        const chunk = item.chunk;
        const call = item.toolCall;
        // A chunk that completes several tool calls comes once per call: it is accumulated once.
        if (chunk !== this.lastChunk) {
          this.lastChunk = chunk;
          this.onChunk(chunk);
          if (partials) {
            const pieces = partials.push((chunk as { toolCallDeltas?: ToolCallDelta[] }).toolCallDeltas);
            for (const piece of pieces) yield [chunk, piece as unknown as Tool];
            if (pieces.length > 0 && !call) continue;
          }
        }
        yield [chunk, call ? await this.completeTool(call) : undefined];
      }
      completed = true;
      this.endTime = Date.now();
    } catch (error) {
      failure = { error: this.failed(error) };
      throw failure.error;
    } finally {
      if (!completed) this.init.abort();
      this.endHook?.(completed, failure);
    }
  }

  /** Records a completed tool call and resolves its tool: invalid arguments or an unknown tool still give one (`error` set), so the turn is not lost. */
  private async completeTool(call: ToolCallData): Promise<Tool | undefined> {
    const { toolClass, toolDefinitions, structuredTool } = this.init;
    const tool = await (await tools()).resolveTool(toolClass as ToolClass<Tool>, toolDefinitions, call, structuredTool, BaseToolClass);
    this.toolCalls.push(call);
    if (tool) this.tools.push(tool);
    return tool;
  }

  /** What iteration rejects with: the abort reason once the signal aborted, else the error with the text received so far. */
  private failed(error: unknown): unknown {
    const signal = this.init.signal;
    if (signal?.aborted) return signal.reason;
    // A stalled or dropped stream (TimeoutError, NetworkError) keeps the text received so far.
    if ((error as { content?: unknown } | null)?.content === "") (error as { content: string }).content = this.content;
    return error;
  }

  /** Accumulates a chunk. Providers override to keep more (thinking, signatures) and call super. */
  protected onChunk(chunk: Chunk): void {
    this.content += chunk.content;
    // Most chunks finish nothing: their normalised reasons are not computed at all.
    const reasons = chunk.finishReasons;
    if (reasons.length > 0) {
      this.finishReasons.push(...reasons);
      this.commonFinishReasons.push(...chunk.commonFinishReasons);
    }
    const u = chunk.usage;
    if (u) this.usage = mergeUsage(this.usage, u);
    if (chunk.id && !this.id) this.id = chunk.id;
    if (chunk.model) this.model = chunk.model;
  }

  /** The cost in USD of what was streamed, or undefined for an unknown model. */
  get cost(): number | undefined {
    return callCost(this.provider, this.model, this.usage);
  }

  /** The first completed tool call, if any. */
  get tool(): Tool | undefined {
    return this.tools[0];
  }

  /** The assistant message in the provider's format (complete after iteration). */
  abstract get messageParam(): MessageParam;
  /** The assistant message in the provider-neutral format. */
  abstract get commonMessageParam(): BaseMessageParam;
  /** Tool result messages in the provider's format. */
  abstract toolMessageParams(outputs: readonly ToolOutput[]): MessageParam[];
  /** A call response built from the chunks received. */
  abstract constructCallResponse(): CallResponse;

  /** Tool results in the provider-neutral format. */
  commonToolMessageParams(outputs: readonly ToolOutput[]): BaseMessageParam[] {
    return commonToolMessageParams(outputs);
  }

  /** Runs every completed tool call and returns `[tool, output]` pairs; failures are `[tool, text, error]`. */
  async executeTools(options?: ExecuteToolsOptions): Promise<ToolOutput<Tool>[]> {
    return (await tools()).executeTools(this.tools, options);
  }

  /** Sends the tool outputs back and streams the next turn (the same call, history extended). */
  async resume(outputs: readonly ToolOutput[]): Promise<this> {
    if (!this.init.resumeStream) throw new Error("This stream cannot resume: it was not produced by a call.");
    const history = [...this.messages, this.messageParam, ...this.toolMessageParams(outputs)];
    return (await this.init.resumeStream(history)) as this;
  }

  /** Cancels the upstream request now, even while a read is waiting on the model. */
  abort(reason?: unknown): void {
    this.init.abort(reason);
  }

  /** A ReadableStream of the text deltas; cancelling it cancels the request at once. */
  textStream(): ReadableStream<string> {
    const self = this;
    return toReadableStream(
      // A surrogate pair split across two deltas reaches the reader whole.
      wholeCodePoints(
        (async function* () {
          for await (const [chunk] of self) if (chunk.content) yield chunk.content;
        })(),
      ),
      { onCancel: (reason) => self.abort(reason) },
    );
  }

  /** A `Response` streaming the text as `text/plain` (return it from a Worker's fetch handler). */
  toResponse(init?: ResponseInit): Response {
    return textResponse(this.textStream(), init);
  }

  /** Response init fields shared by `constructCallResponse` implementations. */
  protected responseInit<Raw>(raw: Raw) {
    return {
      raw,
      provider: this.provider,
      requestedModel: this.init.model,
      messages: this.messages,
      toolDefinitions: this.init.toolDefinitions,
      toolClass: this.init.toolClass,
      callParams: this.init.callParams,
      metadata: this.metadata,
      startTime: this.startTime,
      endTime: this.endTime ?? Date.now(),
      resume: this.init.resume,
      tools: this.tools,
    };
  }
}
