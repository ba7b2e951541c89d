import type { OutputContext } from "../../core/provider-definition";
import type { StreamItem } from "../../core/stream";
import { sseEvents } from "../../web-streams/sse-events";
import type { ChatCompletionChunk } from "./api";
import { OpenAICallResponseChunk } from "./call-response-chunk";
import { chatErrorOf, parseEventData } from "./stream-errors";
import type { ToolCallAssembler } from "./tool-call-assembler";

/** Builds the `handleStream` hook: Chat Completions chunks, or Responses API events with `api: "responses"`. */
export function createHandleStream(provider: string) {
  return (body: ReadableStream<Uint8Array>, ctx: OutputContext): AsyncIterable<StreamItem<OpenAICallResponseChunk>> => {
    const api = (ctx.options as { api?: string }).api;
    return api === "responses" ? responsesStream(body, ctx, provider) : handleChatStream(body, ctx, provider);
  };
}

/** The Responses API decoder, imported when a call uses that API. */
async function* responsesStream(body: ReadableStream<Uint8Array>, ctx: OutputContext, provider: string) {
  yield* (await import("./responses-handle-stream")).handleResponsesStream(body, ctx, provider);
}

/**
 * Decodes a Chat Completions SSE body: one chunk per `data:` event until `[DONE]`, a tool call
 * yielded as soon as its arguments are complete, and an `{"error": …}` event turned into a
 * `StreamError` that keeps the text received so far. The tool-call assembler and the error
 * builder are imported when a stream first needs them.
 */
export async function* handleChatStream(
  body: ReadableStream<Uint8Array>,
  ctx: OutputContext,
  provider: string,
): AsyncGenerator<StreamItem<OpenAICallResponseChunk>> {
  let calls: ToolCallAssembler | undefined;
  let content = "";
  let last: OpenAICallResponseChunk | undefined;
  for await (const event of sseEvents(body, { signal: ctx.signal })) {
    if (event.data === "[DONE]") continue;
    const raw = parseEventData(event.data, provider);
    const error = chatErrorOf(raw);
    if (error || event.event === "error") {
      const e = error ?? { message: event.data };
      const partial = { toolCalls: calls?.pending() ?? [] };
      const { streamError } = await import("./mid-stream-error");
      throw streamError({ provider, message: e.message, code: e.code, type: e.type, body: raw, content, partial });
    }
    const chunk = new OpenAICallResponseChunk(raw as ChatCompletionChunk);
    last = chunk;
    content += chunk.content;
    if (!calls && hasToolCallFragments(chunk.raw as ChatCompletionChunk)) {
      calls = new (await import("./tool-call-assembler")).ToolCallAssembler();
    }
    const completed = calls?.push(chunk.raw as ChatCompletionChunk) ?? [];
    if (completed.length === 0) yield { chunk };
    for (const toolCall of completed) yield { chunk, toolCall };
  }
  // A server that ends the stream without a finish reason still completes its last calls.
  if (last && calls) for (const toolCall of calls.flush()) yield { chunk: last, toolCall };
}

/** Whether a chunk carries tool-call fragments (until one does, there is nothing to assemble). */
function hasToolCallFragments(chunk: ChatCompletionChunk): boolean {
  return (chunk.choices ?? []).some((choice) => (choice.delta?.tool_calls?.length ?? 0) > 0);
}
