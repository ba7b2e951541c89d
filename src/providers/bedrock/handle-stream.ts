import type { OutputContext } from "../../core/provider-definition.ts";
import type { StreamItem } from "../../core/stream.ts";
import { InvalidEventData, parseEventJson } from "../../web-streams/event-json.ts";
import { readStream } from "../../web-streams/read-stream.ts";
import type { BedrockStreamEvent } from "./api.ts";
import { BedrockCallResponseChunk } from "./call-response-chunk.ts";
import { createEventStreamDecoder, type EventStreamMessage } from "./event-stream-decoder.ts";
import { JsonTextTracker } from "../../core/structured/json-text-tracker.ts";
import { MessageBuilder } from "./message-builder.ts";
import { failures } from "./seams.ts";

const utf8 = new TextDecoder();

/**
 * Decodes a ConverseStream body (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html):
 * binary event-stream messages, each a JSON event named by its `:event-type` header, in the order
 * messageStart, contentBlockStart/Delta/Stop…, messageStop, metadata (usage). A tool call is yielded
 * at its `contentBlockStop`; the loop ends at `metadata` after `messageStop` without waiting for the
 * server to close. An exception message is a `StreamError` keeping what arrived, a corrupt frame a
 * `ParseError`, and a body that ends before `messageStop` (between messages or inside one) a `StreamError`.
 */
export async function* handleStream(
  body: ReadableStream<Uint8Array>,
  ctx: OutputContext,
): AsyncGenerator<StreamItem<BedrockCallResponseChunk>> {
  const builder = new MessageBuilder();
  const json = jsonDeltaFor(ctx, builder);
  const decoder = createEventStreamDecoder();
  let started = false;
  let stopped = false;
  const reads = readStream(body, ctx.signal, (read) => (read.done ? decoder.end() : decoder.push(read.value)), readFailure);
  for await (const { messages, failure } of reads) {
    for (let i = 0; i < messages.length; i++) {
      const event = await toEvent(messages[i], builder);
      switch (event.type) {
        case "messageStart":
          started = true;
          break;
        case "contentBlockStart":
          builder.start(event.contentBlockIndex, event.start);
          break;
        case "contentBlockDelta": {
          const jsonDelta = json(event);
          builder.delta(event.contentBlockIndex, event.delta);
          yield { chunk: new BedrockCallResponseChunk(event, { jsonDelta }) };
          continue;
        }
        case "contentBlockStop": {
          const closed = builder.stop(event.contentBlockIndex);
          const chunk = new BedrockCallResponseChunk(event, { completedBlock: closed?.block });
          yield closed?.toolCall ? { chunk, toolCall: closed.toolCall } : { chunk };
          continue;
        }
        case "messageStop":
          stopped = true;
          break;
        case "metadata":
          yield { chunk: new BedrockCallResponseChunk(event) };
          if (stopped) return; // the terminal event: the rest of the body is not read
          continue;
      }
      yield { chunk: new BedrockCallResponseChunk(event) };
    }
    if (failure?.cut) break; // the body ended inside a message: judged below as a cut between messages
    if (failure) throw (await failures()).frameError(failure, builder);
  }
  if (!stopped) throw (await failures()).truncated(started, builder);
}

/** An event message's JSON payload with its `:event-type` as `type`; an exception or error message throws. */
async function toEvent(message: EventStreamMessage, builder: MessageBuilder): Promise<BedrockStreamEvent> {
  const headers = message.headers;
  const kind = headers[":message-type"];
  if (kind === "event") {
    const event = parseEventJson<BedrockStreamEvent>(utf8.decode(message.body));
    const name = headers[":event-type"];
    if (event instanceof InvalidEventData) throw (await failures()).invalidEventError("Bedrock", event, String(name));
    if (typeof name === "string") (event as { type: string }).type = name;
    return event;
  }
  const errors = await failures();
  if (kind !== "exception" && kind !== "error") throw errors.unknownMessage(kind);
  // Modeled exceptions carry a JSON `{ message }`; unmodeled errors their code and message in headers
  // (Amazon Event Stream specification, "Modeled Error Events" and "Unmodeled Error Events").
  const payload = parseEventJson<{ message?: unknown }>(utf8.decode(message.body));
  const body = payload instanceof InvalidEventData ? payload.data : payload;
  const type = String(headers[kind === "exception" ? ":exception-type" : ":error-code"] ?? kind);
  const text = payload instanceof InvalidEventData ? headers[":error-message"] : (payload.message ?? headers[":error-message"]);
  throw errors.streamException(type, typeof text === "string" ? text : undefined, body, builder);
}

/** A failed body read as a typed error (a `NetworkError`; an abort keeps its reason), loaded on failure. */
function readFailure(error: unknown): Promise<unknown> {
  return failures().then((errors) => errors.readFailure(error));
}

/** The JSON-delta extractor for this call: the forced tool's input, or the JSON in the text. */
function jsonDeltaFor(ctx: OutputContext, builder: MessageBuilder): (event: BedrockStreamEvent & { type: "contentBlockDelta" }) => string {
  if (ctx.structuredMode === "tool" && ctx.structured) {
    const name = ctx.structured.name;
    return (event) => {
      const input = (event.delta as { toolUse?: { input?: string } }).toolUse?.input;
      return input !== undefined && builder.toolName(event.contentBlockIndex) === name ? input : "";
    };
  }
  if (ctx.structuredMode === "json" || (ctx.options as { jsonMode?: boolean }).jsonMode === true) {
    const tracker = new JsonTextTracker();
    return (event) => {
      const text = (event.delta as { text?: string }).text;
      return typeof text === "string" ? tracker.push(text) : "";
    };
  }
  return () => "";
}
