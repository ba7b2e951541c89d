import type { OutputContext } from "../../core/provider-definition.ts";
import type { StreamItem } from "../../core/stream.ts";
import { sseEventBatches } from "../../web-streams/sse-events.ts";
import type { AnthropicStreamEvent } from "./api.ts";
import { AnthropicCallResponseChunk } from "./call-response-chunk.ts";
import { JsonTextTracker } from "./json-text-tracker.ts";
import { MessageBuilder } from "./message-builder.ts";

/**
 * Decodes a Messages API event stream (https://docs.anthropic.com/en/docs/build-with-claude/streaming)
 * into chunks. A client tool call is yielded at its `content_block_stop`, with its raw input JSON;
 * `ping` events are skipped, unknown events are passed on untouched, an `error` event becomes a
 * `StreamError` keeping what arrived, and a body that ends before `message_stop` is an error too.
 */
export async function* handleStream(
  body: ReadableStream<Uint8Array>,
  ctx: OutputContext,
): AsyncGenerator<StreamItem<AnthropicCallResponseChunk>[]> {
  const builder = new MessageBuilder();
  const json = jsonDeltaFor(ctx, builder);
  let started = false;
  let stopped = false;
  // One async step per network read: the chunks decoded from a read are yielded together.
  for await (const batch of sseEventBatches(body, { signal: ctx.signal })) {
    const items: StreamItem<AnthropicCallResponseChunk>[] = [];
    for (let i = 0; i < batch.length; i++) {
      const sse = batch[i];
      if (stopped) continue;
      const event = parseEvent(sse.data, sse.event);
      if (!event) continue;
      if (event instanceof Invalid) {
        if (items.length > 0) yield items; // the chunks before it still reach the user
        throw (await failures()).invalidEvent(sse.data, sse.event, event.cause);
      }
      switch (event.type) {
        case "ping":
          continue;
        case "error":
          if (items.length > 0) yield items; // the chunks before the error still reach the user
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
          items.push({ chunk: new AnthropicCallResponseChunk(event, { jsonDelta }) });
          continue;
        }
        case "content_block_stop": {
          const closed = builder.stop(event.index);
          const chunk = new AnthropicCallResponseChunk(event, { completedBlock: closed?.block });
          items.push(closed?.toolCall ? { chunk, toolCall: closed.toolCall } : { chunk });
          continue;
        }
        case "message_stop":
          stopped = true;
          break;
      }
      items.push({ chunk: new AnthropicCallResponseChunk(event) });
    }
    if (items.length > 0) yield items;
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

/** Event data that is not a JSON object: `cause` is the JSON error, or undefined for a non-object. */
class Invalid {
  constructor(readonly cause?: unknown) {}
}

/** The error builders, loaded when a stream fails. */
const failures = () => import("./stream-failures.ts");

function parseEvent(data: string, name: string | undefined): AnthropicStreamEvent | Invalid | undefined {
  if (data.trim() === "") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch (cause) {
    return new Invalid(cause);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return new Invalid();
  const event = value as Record<string, unknown>;
  // The SSE event name and the `type` field agree; fall back to the name if `type` is missing.
  if (typeof event.type !== "string" && name) event.type = name;
  return event as unknown as AnthropicStreamEvent;
}
