import type { OutputContext } from "../../core/provider-definition.ts";
import type { StreamItem } from "../../core/stream.ts";
import { InvalidEventData, parseEventJson } from "../../web-streams/event-json.ts";
import { sseEventBatches } from "../../web-streams/sse-events.ts";
import type { ChatCompletionChunk } from "./api.ts";
import { OpenAICallResponseChunk } from "./call-response-chunk.ts";
import { errorOf } from "./error-of.ts";
import { failures } from "./seams.ts";
import { ToolCallAssembler } from "./tool-call-assembler.ts";

/** How a stream ended early: the event that was not JSON, or an error event and its error object. */
type Failure = { invalid: InvalidEventData } | { data: string; raw: ChatCompletionChunk; error: Record<string, unknown> | undefined };

/**
 * Builds the `handleStream` hook of a Chat Completions provider: one chunk per `data:` event until
 * `[DONE]`, a tool call yielded as soon as its arguments are complete, and an `{"error": …}` event
 * turned into a `StreamError` (its code loads only then), to which the stream adds the text received so far.
 */
export function createHandleStream(provider: string) {
  return async function* handleStream(
    body: ReadableStream<Uint8Array>,
    ctx: OutputContext,
  ): AsyncGenerator<StreamItem<OpenAICallResponseChunk>> {
    let calls: ToolCallAssembler | undefined;
    let last: OpenAICallResponseChunk | undefined;
    let failure: Failure | undefined;
    let finished = false;
    // Ends at [DONE] without waiting for the close; a body cut before [DONE] and any finish_reason is an error.
    const ends = { signal: ctx.signal, provider, isTerminal: isDone, isComplete: () => finished };
    read: for await (const events of sseEventBatches(body, ends)) {
      for (let i = 0; i < events.length; i++) {
        const event = events[i];
        if (event.data === "[DONE]") continue;
        const raw = parseEventJson<ChatCompletionChunk>(event.data);
        if (raw instanceof InvalidEventData) {
          failure = { invalid: raw };
          break read;
        }
        const error = errorOf(raw);
        if (error || event.event === "error") {
          failure = { data: event.data, raw, error };
          break read;
        }
        const chunk = new OpenAICallResponseChunk(raw);
        // Choice 0's finish (the stream's text is choice 0's): with `n` > 1 another choice may finish first.
        if (chunk.finishReasons.length > 0) finished = true;
        last = chunk;
        // Until a chunk carries tool-call fragments there is nothing to assemble.
        if (!calls && raw.choices?.some((c) => c.delta?.tool_calls?.length)) calls = new ToolCallAssembler();
        const completed = calls?.push(raw);
        if (!completed?.length) yield { chunk };
        else for (const toolCall of completed) yield { chunk, toolCall };
      }
    }
    if (failure) {
      const f = await failures();
      if ("invalid" in failure) throw f.invalidEventError(provider, failure.invalid);
      // The text received so far goes on the error as the stream fills it in (its `content`).
      throw f.chatStreamError(provider, failure.error, failure.data, failure.raw, "", calls);
    }
    // A server that ends the stream without a finish reason still completes its last calls.
    if (last && calls) for (const toolCall of calls.flush()) yield { chunk: last, toolCall };
  };
}

/** The last event of a Chat Completions stream. */
const isDone = (event: { data: string }) => event.data === "[DONE]";
