import type { OutputContext } from "../../core/provider-definition.ts";
import type { StreamItem } from "../../core/stream.ts";
import { InvalidEventData, parseEventJson } from "../../web-streams/event-json.ts";
import { sseEventBatches } from "../../web-streams/sse-events.ts";
import type { AnthropicStreamEvent } from "./api.ts";
import { AnthropicCallResponseChunk } from "./call-response-chunk.ts";
import { JsonTextTracker } from "../../core/structured/json-text-tracker.ts";
import { MessageBuilder } from "./message-builder.ts";
import { failures } from "./seams.ts";

/**
 * Decodes a Messages API event stream (https://docs.anthropic.com/en/docs/build-with-claude/streaming)
 * into chunks. A client tool call is yielded at its `content_block_stop`, with its raw input JSON;
 * `ping` events are skipped, unknown events are passed on untouched, an `error` event becomes a
 * `StreamError` keeping what arrived, and a body that ends before `message_stop` is an error too.
 */
export async function* handleStream(
  body: ReadableStream<Uint8Array>,
  ctx: OutputContext,
): AsyncGenerator<StreamItem<AnthropicCallResponseChunk>> {
  const builder = new MessageBuilder();
  const json = jsonDeltaFor(ctx, builder);
  let started = false;
  let stopped = false;
  // Ends at message_stop without waiting for the server to close (a body cut before it: `truncated`).
  const events = sseEventBatches(body, { signal: ctx.signal, provider: "anthropic", isTerminal: (e) => e.event === "message_stop" });
  for await (const batch of events) {
    for (let i = 0; i < batch.length; i++) {
      const sse = batch[i];
      if (stopped || sse.data.trim() === "") continue;
      const event = parseEventJson<AnthropicStreamEvent>(sse.data);
      if (event instanceof InvalidEventData) throw (await failures()).invalidEventError("Anthropic", event, sse.event);
      // The SSE event name and the `type` field agree; fall back to the name if `type` is missing.
      if (typeof event.type !== "string" && sse.event) (event as { type: string }).type = sse.event;
      switch (event.type) {
        case "ping":
          continue;
        case "error":
          throw (await failures()).streamError(event, builder);
        case "message_start":
          started = true;
          break;
        case "content_block_start":
          builder.start(event.index, event.content_block);
          break;
        case "content_block_delta": {
          const jsonDelta = json(event);
          builder.delta(event.index, event.delta);
          yield { chunk: new AnthropicCallResponseChunk(event, { jsonDelta }) };
          continue;
        }
        case "content_block_stop": {
          const closed = builder.stop(event.index);
          const chunk = new AnthropicCallResponseChunk(event, { completedBlock: closed?.block });
          yield closed?.toolCall ? { chunk, toolCall: closed.toolCall } : { chunk };
          continue;
        }
        case "message_stop":
          stopped = true;
          break;
      }
      yield { chunk: new AnthropicCallResponseChunk(event) };
    }
  }
  if (!stopped) throw (await failures()).truncated(started, builder);
}

/** The JSON-delta extractor for this call: the forced tool's input, or the JSON in the text. */
function jsonDeltaFor(ctx: OutputContext, builder: MessageBuilder): (event: AnthropicStreamEvent) => string {
  if (ctx.structuredMode === "tool" && ctx.structured) {
    const name = ctx.structured.name;
    return (event) =>
      event.type === "content_block_delta" && event.delta.type === "input_json_delta" && builder.toolName(event.index) === name
        ? event.delta.partial_json
        : "";
  }
  if (ctx.structuredMode === "json" || (ctx.options as { jsonMode?: boolean }).jsonMode === true) {
    const tracker = new JsonTextTracker();
    return (event) => (event.type === "content_block_delta" && event.delta.type === "text_delta" ? tracker.push(event.delta.text) : "");
  }
  return () => "";
}
