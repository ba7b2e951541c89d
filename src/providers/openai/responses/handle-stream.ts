import type { OutputContext } from "../../../core/provider-definition.ts";
import type { StreamItem } from "../../../core/stream.ts";
import type { ToolCallData } from "../../../core/tools/tool.ts";
import { InvalidEventData, parseEventJson } from "../../../web-streams/event-json.ts";
import { sseEvents } from "../../../web-streams/sse-events.ts";
import { failures } from "../seams.ts";
import type { ResponsesErrorEvent, ResponsesFunctionCall, ResponsesStreamEvent } from "./api.ts";
import { OpenAIResponsesChunk } from "./call-response-chunk.ts";

interface PendingCall {
  id: string;
  name: string;
  args: string;
  yielded: boolean;
}

/**
 * Decodes a Responses API SSE body. Every event becomes a chunk; a function call (announced by
 * `response.output_item.added`, filled by `response.function_call_arguments.delta`) is yielded at
 * `response.function_call_arguments.done`, or at `response.output_item.done` if that came first.
 * `error` and `response.failed` events end the stream with a `StreamError` keeping the text so far.
 */
export async function* handleResponsesStream(
  body: ReadableStream<Uint8Array>,
  ctx: OutputContext,
  provider: string,
): AsyncGenerator<StreamItem<OpenAIResponsesChunk>> {
  const calls = new Map<number, PendingCall>();
  let content = "";
  const partial = () => ({ toolCalls: [...calls.values()].map(toData) });
  // Ends at response.completed / response.incomplete without waiting for the close; a body cut before is an error.
  for await (const event of sseEvents(body, { signal: ctx.signal, provider, isTerminal: isResponseEnd, isComplete: () => false })) {
    if (event.data === "[DONE]") continue;
    const raw = parseEventJson<ResponsesStreamEvent>(event.data);
    if (raw instanceof InvalidEventData) throw (await failures()).invalidEventError(provider, raw);
    const chunk = new OpenAIResponsesChunk(raw);
    content += chunk.content;
    if (raw.type === "error") {
      throw (await failures()).streamError({ provider, ...errorFields(raw), body: raw, content, partial: partial() });
    }
    if (raw.type === "response.failed") {
      const error = raw.response?.error;
      throw (await failures()).streamError({
        provider,
        message: error?.message ?? "the response failed",
        code: error?.code,
        body: raw,
        content,
        partial: partial(),
      });
    }
    const completed = track(raw, calls);
    yield completed ? { chunk, toolCall: completed } : { chunk };
  }
}

/** Updates the pending function calls with an event; returns a call the event completed. */
function track(event: ResponsesStreamEvent, calls: Map<number, PendingCall>): ToolCallData | undefined {
  switch (event.type) {
    case "response.output_item.added":
      if (event.item.type === "function_call") calls.set(event.output_index, fromItem(event.item));
      return undefined;
    case "response.function_call_arguments.delta": {
      const call = calls.get(event.output_index);
      if (call) call.args += event.delta;
      return undefined;
    }
    case "response.function_call_arguments.done": {
      const call = calls.get(event.output_index);
      if (!call) return undefined;
      call.args = event.arguments;
      if (event.name) call.name ||= event.name;
      return complete(call);
    }
    case "response.output_item.done": {
      if (event.item.type !== "function_call") return undefined;
      const call = calls.get(event.output_index) ?? fromItem(event.item);
      calls.set(event.output_index, call);
      call.args = event.item.arguments ?? call.args;
      return complete(call);
    }
    default:
      return undefined;
  }
}

/** The details of an `error` event: nested under `error` (as recorded) or at the top level (as documented). */
function errorFields(event: ResponsesErrorEvent) {
  const nested = event.error;
  if (typeof nested === "object" && nested !== null) return { message: nested.message, code: nested.code, type: nested.type };
  return { message: event.message, code: event.code };
}

function fromItem(item: ResponsesFunctionCall): PendingCall {
  return { id: item.call_id, name: item.name, args: item.arguments ?? "", yielded: false };
}

function complete(call: PendingCall): ToolCallData | undefined {
  if (call.yielded) return undefined;
  call.yielded = true;
  return toData(call);
}

function toData(call: PendingCall): ToolCallData {
  return { id: call.id, name: call.name, args: call.args };
}

/** The last event of a Responses API stream (`response.failed` and `error` throw before it). */
const isResponseEnd = (event: { event?: string }) => event.event === "response.completed" || event.event === "response.incomplete";
