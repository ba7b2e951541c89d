import type { BaseCallResponse } from "../core/call-response.ts";
import type { FinishReason } from "../core/finish-reason.ts";
import type { BaseMessageParam } from "../core/message-param.ts";
import type { ExecuteToolsOptions } from "../core/tools/execute-tools.ts";
import type { BaseTool, ToolOutput } from "../core/tools/tool.ts";
import type { Usage } from "../core/usage.ts";
import { thinkingText } from "./thinking-text.ts";

/** A provider-agnostic response: common fields whose messages work with every provider. */
export class LLMCallResponse<Tool extends BaseTool = BaseTool> {
  /** The provider's own response (e.g. an `OpenAICallResponse`). */
  readonly response: BaseCallResponse;
  private readonly rerun: (history: unknown[]) => Promise<LLMCallResponse<Tool>>;

  constructor(response: BaseCallResponse, rerun: (history: unknown[]) => Promise<LLMCallResponse<Tool>>) {
    this.response = response;
    this.rerun = rerun;
  }

  /** The text content. */
  get content(): string {
    return this.response.content;
  }
  /** Finish reasons normalised across providers. */
  get finishReasons(): FinishReason[] {
    return this.response.commonFinishReasons;
  }
  /** The model's thinking text (Anthropic thinking, Gemini thoughts, reasoning_content…), "" when none came back. */
  get thinking(): string {
    return thinkingText(this.response);
  }
  /** The provider's name. */
  get provider(): string {
    return this.response.provider;
  }
  get model(): string {
    return this.response.model;
  }
  get id(): string | undefined {
    return this.response.id;
  }
  get usage(): Usage | undefined {
    return this.response.usage;
  }
  get cost(): number | undefined {
    return this.response.cost;
  }
  /** The provider's raw JSON. */
  get raw(): unknown {
    return this.response.raw;
  }
  /** The messages sent. */
  get messages(): readonly unknown[] {
    return this.response.messages;
  }
  /** The assistant message in the provider-neutral format (any provider accepts it). */
  get messageParam(): BaseMessageParam {
    return this.response.commonMessageParam;
  }
  get tools(): Tool[] {
    return this.response.tools as Tool[];
  }
  get tool(): Tool | undefined {
    return this.tools[0];
  }
  /** Tool results as provider-neutral messages. */
  toolMessageParams(outputs: readonly ToolOutput[]): BaseMessageParam[] {
    return this.response.commonToolMessageParams(outputs);
  }
  /** Runs every tool call; failures are `[tool, text, error]` results unless `throwOnError`. */
  executeTools(options?: ExecuteToolsOptions): Promise<ToolOutput<Tool>[]> {
    return this.response.executeTools(options) as Promise<ToolOutput<Tool>[]>;
  }
  /** The same call with this turn and the tool outputs appended to the history. */
  resume(outputs: readonly ToolOutput[]): Promise<LLMCallResponse<Tool>> {
    return this.rerun([...this.messages, this.messageParam, ...this.toolMessageParams(outputs)]);
  }
}
