import type { BaseMessageParam } from "../../core/message-param.ts";

/** The scripted provider's request body: neutral messages, tool schemas and settings. */
export interface ScriptedRequestBody {
  model: string;
  messages: BaseMessageParam[];
  tools: { name: string; description: string; parameters: Record<string, unknown> }[];
  stream: boolean;
  json: boolean;
  responseSchema?: Record<string, unknown>;
  callParams: Record<string, unknown>;
}

/** A scripted tool call on the wire. */
export interface ScriptedWireToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** The scripted provider's response body. */
export interface ScriptedWireResponse {
  id: string;
  model: string;
  text: string;
  tool_calls: ScriptedWireToolCall[];
  finish_reason: string;
  usage: { input_tokens: number; output_tokens: number; cached_tokens?: number };
}

/** One streamed event: a text delta, a completed tool call, or the end. */
export type ScriptedWireChunk =
  | { type: "delta"; text: string }
  | { type: "tool_call"; tool_call: ScriptedWireToolCall }
  | { type: "end"; id: string; model: string; finish_reason: string; usage: ScriptedWireResponse["usage"] };
