import type { BaseCallParams } from "./call-params.ts";
import type { FinishReason } from "./finish-reason.ts";
import { callCost } from "./cost/cost.ts";
import type { BaseMessageParam } from "./message-param.ts";
import { BaseTool as BaseToolClass } from "./tools/base-tool.ts";
import type { BaseTool, ToolCallData, ToolDefinition, ToolOutput } from "./tools/tool.ts";
import type { Usage } from "./usage.ts";
import type { ToolClass } from "./tools/tool-class.ts";
import { commonToolMessageParams } from "./tools/common-messages.ts";
import type { ExecuteToolsOptions } from "./tools/execute-tools.ts";
import { tools as toolUse } from "./seams.ts";

/** What the factory hands a call response besides the provider's raw JSON. */
export interface CallResponseInit<Raw = unknown> {
  raw: Raw;
  provider: string;
  /** The model the call asked for (a fallback when the provider's answer does not name one). */
  requestedModel?: string;
  /** The messages the call sent (history first, as given: neutral or native). */
  messages: readonly unknown[];
  toolDefinitions?: readonly ToolDefinition[];
  toolClass?: ToolClass;
  /** The structured-output tool's name (`responseModel` in tool mode): a call to it is no unknown tool. */
  structuredTool?: string;
  callParams?: BaseCallParams;
  metadata?: Record<string, unknown>;
  startTime?: number;
  endTime?: number;
  /** Re-runs the same call with a new message history (used by `resume`). */
  resume?: (messages: unknown[]) => Promise<unknown>;
  /** Tools already validated (e.g. by a stream). */
  tools?: readonly BaseTool[];
}

/** The result of a non-streaming call. Providers subclass it and implement the abstract getters. */
export abstract class BaseCallResponse<Raw = unknown, MessageParam = unknown, Tool extends BaseTool = BaseTool> {
  /** The provider's JSON response as received. */
  readonly raw: Raw;
  /** The provider's name, e.g. `"openai"`. */
  readonly provider: string;
  /** The model the call asked for. */
  readonly requestedModel: string | undefined;
  /** The messages sent. */
  readonly messages: readonly unknown[];
  /** The merged call params sent. */
  readonly callParams: BaseCallParams;
  /** Metadata from the options or the dynamic config. */
  readonly metadata: Record<string, unknown>;
  /** Epoch milliseconds when the request started and when the response was complete. */
  readonly startTime: number;
  readonly endTime: number;
  protected readonly init: CallResponseInit<Raw>;
  private resolvedTools: readonly Tool[] | undefined;

  constructor(init: CallResponseInit<Raw>) {
    this.init = init;
    this.raw = init.raw;
    this.provider = init.provider;
    this.requestedModel = init.requestedModel;
    this.messages = init.messages;
    this.callParams = init.callParams ?? {};
    this.metadata = init.metadata ?? {};
    this.startTime = init.startTime ?? Date.now();
    this.endTime = init.endTime ?? this.startTime;
    this.resolvedTools = init.tools as readonly Tool[] | undefined;
  }

  /** The text content of the response. */
  abstract get content(): string;
  /** The provider's raw finish reasons, e.g. `["stop"]`. */
  abstract get finishReasons(): string[];
  /** Finish reasons normalised across providers. */
  abstract get commonFinishReasons(): FinishReason[];
  /** The model that answered. */
  abstract get model(): string;
  /** The provider's response id. */
  abstract get id(): string | undefined;
  /** Token usage, when the provider reported it. */
  abstract get usage(): Usage | undefined;
  /** The assistant message in the provider's format, ready to append to a history. */
  abstract get messageParam(): MessageParam;
  /** Tool calls as the provider sent them, before validation. */
  abstract get toolCalls(): ToolCallData[];
  /** Tool result messages in the provider's format for the given outputs. */
  abstract toolMessageParams(outputs: readonly ToolOutput[]): MessageParam[];
  /** The assistant message in the provider-neutral format (for histories that change provider). */
  abstract get commonMessageParam(): BaseMessageParam;

  /** Tool results in the provider-neutral format. */
  commonToolMessageParams(outputs: readonly ToolOutput[]): BaseMessageParam[] {
    return commonToolMessageParams(outputs);
  }

  /** The cost in USD, or undefined when the model's price is unknown (prices: the provider's built-in table, or `registerPrices`). */
  get cost(): number | undefined {
    return callCost(this.provider, this.model, this.usage);
  }

  /** The validated tool calls. */
  get tools(): Tool[] {
    if (!this.resolvedTools) {
      if (this.toolCalls.length === 0) return [];
      throw new Error("Tools were not resolved: await response.resolveTools() first (the factory does this).");
    }
    return [...this.resolvedTools];
  }

  /** The first validated tool call, if any. */
  get tool(): Tool | undefined {
    return this.tools[0];
  }

  /** Validates every tool call against its definition. Called once by the factory. */
  async resolveTools(): Promise<void> {
    if (this.resolvedTools) return;
    const defs = this.init.toolDefinitions ?? [];
    const toolClass = this.init.toolClass as ToolClass<Tool> | undefined;
    const tools: Tool[] = [];
    // Resolution loads with the tools seam, and only for a response that has tool calls.
    const resolveTool = toolClass && this.toolCalls.length > 0 ? (await toolUse()).resolveTool : undefined;
    for (const call of this.toolCalls) {
      // A call with invalid arguments, or to an unknown tool, still gives a tool (with `error` set): the turn is not lost.
      const tool = resolveTool && toolClass && (await resolveTool(toolClass, defs, call, this.init.structuredTool, BaseToolClass));
      if (tool) tools.push(tool);
    }
    this.resolvedTools = tools;
  }

  /** Runs every tool call and returns `[tool, output]` pairs; failures are `[tool, text, error]` (see `ExecuteToolsOptions`). */
  async executeTools(options?: ExecuteToolsOptions): Promise<ToolOutput<Tool>[]> {
    return (await toolUse()).executeTools(this.tools, options);
  }

  /** Sends the tool outputs back: the same call with history extended by this turn. */
  async resume(outputs: readonly ToolOutput[]): Promise<this> {
    if (!this.init.resume) {
      throw new Error("This response cannot resume: it was not produced by a call.");
    }
    const history = [...this.messages, this.messageParam, ...this.toolMessageParams(outputs)];
    return (await this.init.resume(history)) as this;
  }
}
