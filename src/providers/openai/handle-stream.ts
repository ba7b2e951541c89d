import type { OutputContext } from "../../core/provider-definition.ts";
import type { StreamItem } from "../../core/stream.ts";
import { sseEventBatches } from "../../web-streams/sse-events.ts";
import type { ChatCompletionChunk, ReasoningDetail } from "./api.ts";
import { OpenAICallResponseChunk } from "./call-response-chunk.ts";
import { chatErrorOf, eventJsonError } from "./stream-errors.ts";
import type { ToolCallAssembler } from "./tool-call-assembler.ts";

/** Builds the `handleStream` hook: Chat Completions chunks, or Responses API events with `api: "responses"`. */
export function createHandleStream(provider: string) {
  type Items = AsyncIterable<StreamItem<OpenAICallResponseChunk> | readonly StreamItem<OpenAICallResponseChunk>[]>;
  return (body: ReadableStream<Uint8Array>, ctx: OutputContext): Items => {
    const api = (ctx.options as { api?: string }).api;
    return api === "responses" ? responsesStream(body, ctx, provider) : handleChatStream(body, ctx, provider);
  };
}

/** The Responses API decoder, imported when a call uses that API. */
async function* responsesStream(body: ReadableStream<Uint8Array>, ctx: OutputContext, provider: string) {
  yield* (await import("./responses/handle-stream.ts")).handleResponsesStream(body, ctx, provider);
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
): AsyncGenerator<StreamItem<OpenAICallResponseChunk>[]> {
  let calls: ToolCallAssembler | undefined;
  let content = "";
  let last: OpenAICallResponseChunk | undefined;
  let details: ReasoningDetail[] | undefined;
  // One async step per network read: the chunks decoded from a read are yielded together.
  for await (const events of sseEventBatches(body, { signal: ctx.signal })) {
    const items: StreamItem<OpenAICallResponseChunk>[] = [];
    for (let i = 0; i < events.length; i++) {
      const event = events[i];
      if (event.data === "[DONE]") continue;
      let raw: ChatCompletionChunk;
      try {
        raw = JSON.parse(event.data);
      } catch (cause) {
        if (items.length > 0) yield items; // the chunks before it still reach the user
        throw await eventJsonError(event.data, provider, cause);
      }
      const error = chatErrorOf(raw);
      if (error || event.event === "error") {
        if (items.length > 0) yield items; // the chunks before the error still reach the user
        throw (await import("./mid-stream-error.ts")).chatStreamError(provider, error, event.data, raw, content, calls);
      }
      const chunk = new OpenAICallResponseChunk(raw);
      last = chunk;
      content += chunk.content;
      // OpenRouter's reasoning details arrive in pieces: merged here (the merger loads with the first).
      const pieces = chunk.reasoningDetails;
      if (pieces?.length) {
        details = (await import("./reasoning-details.ts")).mergeReasoningDetails(details ?? [], pieces);
        chunk.mergedReasoningDetails = details;
      }
      // Until a chunk carries tool-call fragments there is nothing to assemble.
      if (!calls && raw.choices?.some((c) => c.delta?.tool_calls?.length)) {
        calls = new (await import("./tool-call-assembler.ts")).ToolCallAssembler();
      }
      const completed = calls?.push(raw);
      if (!completed?.length) items.push({ chunk });
      else for (const toolCall of completed) items.push({ chunk, toolCall });
    }
    if (items.length > 0) yield items;
  }
  // A server that ends the stream without a finish reason still completes its last calls.
  if (last && calls) {
    const chunk = last;
    const rest = calls.flush().map((toolCall) => ({ chunk, toolCall }));
    if (rest.length > 0) yield rest;
  }
}
