import type {
  ChatCompletionAssistantMessageParam,
  ChatCompletionContentPart,
  ChatCompletionContentPartRefusal,
  ChatCompletionContentPartText,
  ChatCompletionMessageParam,
} from "../api.ts";
import type { ResponsesInputContent, ResponsesInputItem } from "./api.ts";

/** The Responses API's `instructions` and `input`, from a Chat Completions history. */
export interface ResponsesInput {
  instructions?: string;
  input: unknown[];
}

/**
 * Converts Chat Completions messages (what neutral messages, `messageParam` and `toolMessageParams`
 * give) to Responses `input` items: system messages become `instructions`, assistant tool calls
 * `function_call` items and tool messages `function_call_output` items. Items that already have a
 * `type` (native Responses items) pass through unchanged.
 */
export function toResponsesInput(messages: readonly ChatCompletionMessageParam[]): ResponsesInput {
  const system: string[] = [];
  const input: unknown[] = [];
  for (const message of messages) {
    if (typeof (message as { type?: unknown }).type === "string") {
      input.push(message);
      continue;
    }
    switch (message.role) {
      case "system":
        system.push(textOf(message.content));
        break;
      case "developer":
        input.push({ role: "developer", content: textOf(message.content) });
        break;
      case "user":
        input.push({ role: "user", content: typeof message.content === "string" ? message.content : message.content.map(inputPart) });
        break;
      case "assistant":
        input.push(...assistantItems(message));
        break;
      case "tool":
        input.push({ type: "function_call_output", call_id: message.tool_call_id, output: textOf(message.content) });
        break;
    }
  }
  return system.length > 0 ? { instructions: system.join("\n\n"), input } : { input };
}

function assistantItems(message: ChatCompletionAssistantMessageParam): ResponsesInputItem[] {
  const items: ResponsesInputItem[] = [];
  // A refusal has no Responses input form without the output item's id: it goes back as the turn's
  // text, so the history keeps the assistant turn instead of two user messages in a row.
  const text = (message.content == null ? "" : textOf(message.content)) || (message.refusal ?? "");
  if (text !== "") items.push({ role: "assistant", content: text });
  for (const call of message.tool_calls ?? []) {
    items.push({ type: "function_call", call_id: call.id, name: call.function.name, arguments: call.function.arguments });
  }
  return items;
}

function inputPart(part: ChatCompletionContentPart): ResponsesInputContent {
  switch (part.type) {
    case "text":
      return { type: "input_text", text: part.text };
    case "image_url":
      return { type: "input_image", image_url: part.image_url.url, detail: part.image_url.detail ?? "auto" };
    case "input_audio":
      return { type: "input_audio", input_audio: part.input_audio };
    case "file":
      return { type: "input_file", ...part.file };
  }
}

function textOf(content: string | readonly (ChatCompletionContentPartText | ChatCompletionContentPartRefusal)[]): string {
  if (typeof content === "string") return content;
  return content.map((part) => (part.type === "text" ? part.text : "")).join("");
}
