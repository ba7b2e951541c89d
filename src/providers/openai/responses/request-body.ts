import type { ChatCompletionMessageParam, ChatCompletionTool, ChatCompletionToolChoiceOption, ResponseFormat } from "../api.ts";
import type { ResponsesFunctionTool, ResponsesTextFormat, ResponsesToolChoice } from "./api.ts";
import { toResponsesInput } from "./convert-input.ts";

/**
 * Turns a Chat Completions request body into a Responses API one, so both APIs share message,
 * tool and structured-output handling: `messages` → `instructions` + `input`, nested function tools →
 * flat ones (with an explicit `strict`, which the Responses API otherwise assumes true),
 * `response_format` → `text.format`, `max_completion_tokens`/`max_tokens` → `max_output_tokens`,
 * `reasoning_effort` → `reasoning.effort`, `verbosity` → `text.verbosity`. Other fields pass through.
 */
export function toResponsesBody(chat: Record<string, unknown>): Record<string, unknown> {
  const {
    messages,
    tools,
    tool_choice,
    response_format,
    max_completion_tokens,
    max_tokens,
    reasoning_effort,
    verbosity,
    stream_options: _streamOptions,
    ...rest
  } = chat;
  const { instructions, input } = toResponsesInput(messages as ChatCompletionMessageParam[]);
  const body: Record<string, unknown> = { ...rest, input };
  if (instructions !== undefined) body.instructions = instructions;
  if (Array.isArray(tools)) body.tools = (tools as ChatCompletionTool[]).map(toResponsesTool);
  if (tool_choice !== undefined) body.tool_choice = toResponsesToolChoice(tool_choice as ChatCompletionToolChoiceOption);
  const text: Record<string, unknown> = {};
  if (response_format !== undefined) text.format = toTextFormat(response_format as ResponseFormat);
  if (verbosity !== undefined) text.verbosity = verbosity;
  if (Object.keys(text).length > 0) body.text = text;
  const maxTokens = max_completion_tokens ?? max_tokens;
  if (maxTokens !== undefined) body.max_output_tokens = maxTokens;
  if (reasoning_effort !== undefined) body.reasoning = { effort: reasoning_effort };
  return body;
}

/** A Chat Completions function tool as a Responses function tool. */
export function toResponsesTool(tool: ChatCompletionTool): ResponsesFunctionTool {
  const fn = tool.function;
  const out: ResponsesFunctionTool = {
    type: "function",
    name: fn.name,
    parameters: fn.parameters ?? { type: "object", properties: {} },
    strict: fn.strict === true,
  };
  if (fn.description) out.description = fn.description;
  return out;
}

function toResponsesToolChoice(choice: ChatCompletionToolChoiceOption): ResponsesToolChoice {
  return typeof choice === "string" ? choice : { type: "function", name: choice.function.name };
}

function toTextFormat(format: ResponseFormat): ResponsesTextFormat {
  if (format.type !== "json_schema") return format;
  const { name, schema, description, strict } = format.json_schema;
  const out: ResponsesTextFormat = { type: "json_schema", name, schema: schema ?? {}, strict: strict ?? null };
  if (description) out.description = description;
  return out;
}
