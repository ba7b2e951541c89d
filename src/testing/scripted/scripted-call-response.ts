import { BaseCallResponse } from "../../core/call-response.ts";
import type { FinishReason } from "../../core/finish-reason.ts";
import type { BaseMessageParam, ContentPart } from "../../core/message-param.ts";
import type { ToolCallData, ToolOutput } from "../../core/tools/tool.ts";
import type { Usage } from "../../core/usage.ts";
import type { ScriptedWireResponse } from "./wire.ts";

/** A response from the scripted provider; its messages are provider-neutral. */
export class ScriptedCallResponse extends BaseCallResponse<ScriptedWireResponse, BaseMessageParam> {
  get content(): string {
    return this.raw.text;
  }
  get finishReasons(): string[] {
    return [this.raw.finish_reason];
  }
  get commonFinishReasons(): FinishReason[] {
    return [mapScriptedFinishReason(this.raw.finish_reason)];
  }
  get model(): string {
    return this.raw.model;
  }
  get id(): string {
    return this.raw.id;
  }
  get usage(): Usage {
    const u = this.raw.usage;
    return {
      inputTokens: u.input_tokens,
      outputTokens: u.output_tokens,
      cachedTokens: u.cached_tokens ?? 0,
      totalTokens: u.input_tokens + u.output_tokens,
    };
  }
  get toolCalls(): ToolCallData[] {
    return this.raw.tool_calls.map((c) => ({ id: c.id, name: c.name, args: c.arguments }));
  }
  get messageParam(): BaseMessageParam {
    return this.commonMessageParam;
  }
  get commonMessageParam(): BaseMessageParam {
    return assistantMessage(this.raw.text, this.toolCalls);
  }
  toolMessageParams(outputs: readonly ToolOutput[]): BaseMessageParam[] {
    return this.commonToolMessageParams(outputs);
  }
}

/** Maps the scripted finish reasons (named like OpenAI's) to the common ones. */
export function mapScriptedFinishReason(reason: string): FinishReason {
  if (reason === "length" || reason === "tool_calls" || reason === "content_filter" || reason === "error") return reason;
  return "stop";
}

/** An assistant message with text and tool calls in the neutral format. */
export function assistantMessage(text: string, calls: ToolCallData[]): BaseMessageParam {
  if (calls.length === 0) return { role: "assistant", content: text };
  const parts: ContentPart[] = text ? [{ type: "text", text }] : [];
  for (const c of calls) {
    const args = typeof c.args === "string" ? (JSON.parse(c.args || "{}") as Record<string, unknown>) : c.args;
    parts.push({ type: "tool_call", id: c.id, name: c.name, args });
  }
  return { role: "assistant", content: parts };
}
