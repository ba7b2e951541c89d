import type { OutputContext } from "../../core/provider-definition";
import type { StreamItem } from "../../core/stream";
import { ParseError } from "../../errors/parse-error";
import { StreamError } from "../../errors/stream-error";
import { sseEventBatches } from "../../web-streams/sse-events";
import type { AnthropicErrorEvent, AnthropicStreamEvent } from "./api";
import { AnthropicCallResponseChunk } from "./call-response-chunk";
import { JsonTextTracker } from "./json-text-tracker";
import { MessageBuilder } from "./message-builder";

/** Error types for which making the call again may succeed. */
const RETRYABLE_ERRORS = new Set(["overloaded_error", "api_error", "rate_limit_error", "timeout_error"]);

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
      switch (event.type) {
        case "ping":
          continue;
        case "error":
          if (items.length > 0) yield items; // the chunks before the error still reach the user
          throw streamError(event, builder);
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
  if (!stopped) throw truncated(started, builder);
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

function parseEvent(data: string, name: string | undefined): AnthropicStreamEvent | undefined {
  if (data.trim() === "") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch (cause) {
    throw new ParseError(
      `Anthropic sent a stream event${name ? ` "${name}"` : ""} whose data is not valid JSON; the raw text is on \`raw\`.`,
      { raw: data, cause },
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ParseError("Anthropic sent a stream event whose data is not a JSON object; the raw text is on `raw`.", { raw: data });
  }
  const event = value as Record<string, unknown>;
  // The SSE event name and the `type` field agree; fall back to the name if `type` is missing.
  if (typeof event.type !== "string" && name) event.type = name;
  return event as unknown as AnthropicStreamEvent;
}

function streamError(event: AnthropicErrorEvent, builder: MessageBuilder): StreamError {
  const type = event.error?.type ?? "error";
  const detail = event.error?.message ? `: ${event.error.message}` : "";
  return new StreamError(
    `Anthropic reported an error in the middle of the stream (${type})${detail}. The text received so far is on ` +
      "the error's `content` and the content blocks on `partial`; " +
      (RETRYABLE_ERRORS.has(type) ? "making the call again may succeed." : "check the request."),
    {
      provider: "anthropic",
      content: builder.text,
      partial: { content: builder.snapshot() },
      body: event,
      code: type,
      type,
      isRetryable: RETRYABLE_ERRORS.has(type),
    },
  );
}

function truncated(started: boolean, builder: MessageBuilder): StreamError {
  return new StreamError(
    started
      ? "The Anthropic stream ended before `message_stop`: the connection was probably cut. The text received so far is on `content`; retry the call."
      : "The Anthropic response body had no `message_start` event: it is not a Messages API stream. Check the client's baseURL.",
    { provider: "anthropic", content: builder.text, partial: { content: builder.snapshot() }, isRetryable: started },
  );
}
