import type { BaseMessageParam } from "../../core/message-param.ts";
import { BaseStream } from "../../core/stream.ts";
import type { ToolOutput } from "../../core/tools/tool.ts";
import { assistantMessage, ScriptedCallResponse } from "./scripted-call-response.ts";
import type { ScriptedCallResponseChunk } from "./scripted-chunk.ts";

/** A streamed scripted call. */
export class ScriptedStream extends BaseStream<ScriptedCallResponseChunk, BaseMessageParam, ScriptedCallResponse> {
  get messageParam(): BaseMessageParam {
    return this.commonMessageParam;
  }
  get commonMessageParam(): BaseMessageParam {
    return assistantMessage(this.content, this.toolCalls);
  }
  toolMessageParams(outputs: readonly ToolOutput[]): BaseMessageParam[] {
    return this.commonToolMessageParams(outputs);
  }
  constructCallResponse(): ScriptedCallResponse {
    const u = this.usage;
    return new ScriptedCallResponse(
      this.responseInit({
        id: this.id ?? "",
        model: this.model,
        text: this.content,
        tool_calls: this.toolCalls.map((c) => ({
          id: c.id,
          name: c.name,
          arguments: typeof c.args === "string" ? c.args : JSON.stringify(c.args),
        })),
        finish_reason: this.finishReasons.at(-1) ?? "stop",
        usage: { input_tokens: u?.inputTokens ?? 0, output_tokens: u?.outputTokens ?? 0, cached_tokens: u?.cachedTokens },
      }),
    );
  }
}
