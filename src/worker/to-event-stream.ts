import type { FinishReason } from "../core/finish-reason.ts";
import type { ToolCallData } from "../core/tools/tool.ts";
import type { Usage } from "../core/usage.ts";
import { knownSecrets } from "../errors/known-secrets.ts";
import { redactSecrets } from "../errors/redact-secrets.ts";
import { encodeSseEvent } from "../web-streams/encode-sse-event.ts";
import type { EventStreamEvent } from "../browser/event-stream-event.ts";

/** What {@link toEventStream} reads: any provider's stream (a `BaseStream`, with or without tools). */
export interface EventStreamSource {
  [Symbol.asyncIterator](): AsyncIterator<readonly [{ readonly content: string }, unknown]>;
  readonly toolCalls: readonly ToolCallData[];
  readonly usage: Usage | undefined;
  readonly cost: number | undefined;
  readonly finishReasons: readonly string[];
  readonly commonFinishReasons: readonly FinishReason[];
  readonly model: string;
  /** Cancels the upstream request at once (BaseStream has it). */
  abort?(reason?: unknown): void;
}

/** Options for {@link toEventStream} and {@link toEventStreamResponse}. */
export interface ToEventStreamOptions {
  /**
   * Called with an error that ended the stream, before the `error` event is sent (log it here: the
   * client only sees its `name` and `message`). Not called when the client cancelled; if it throws,
   * the `error` event is still sent.
   */
  onError?: (error: unknown) => void;
}

/**
 * Streams a call as Server-Sent Events in promptcall's format: `text` per content delta, `tool_call`
 * per completed tool call, then `usage` and `done`; or `error` (name and message only) when the
 * stream fails. Pull-based: nothing is read before the client reads, and cancelling the returned
 * stream cancels the provider stream, which aborts the upstream fetch.
 *
 * @example
 * return new Response(toEventStream(stream), { headers: { "content-type": "text/event-stream" } });
 */
export function toEventStream(stream: EventStreamSource, options: ToEventStreamOptions = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cancelled = false;
  const events = streamEvents(stream, options, () => cancelled);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const result = await events.next();
        if (cancelled) return;
        if (result.done) controller.close();
        else controller.enqueue(encoder.encode(encodeSseEvent(result.value)));
      },
      async cancel(reason) {
        cancelled = true;
        // A pull may be waiting on the provider: abort the request first so that wait ends at once,
        // then let the generator finish (its `return` is queued behind the pending `next`).
        abortStream(stream, reason);
        await events.return(undefined).catch(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * A `Response` streaming {@link toEventStream}'s events (`content-type: text/event-stream`,
 * `cache-control: no-cache` unless `init` sets them). Cancelling its body cancels the call.
 *
 * @example
 * export default { async fetch(req) { return toEventStreamResponse(await chat(await req.text())); } };
 */
export function toEventStreamResponse(stream: EventStreamSource, init?: ResponseInit & ToEventStreamOptions): Response {
  const headers = new Headers(init?.headers);
  if (!headers.has("content-type")) headers.set("content-type", "text/event-stream");
  if (!headers.has("cache-control")) headers.set("cache-control", "no-cache");
  const { onError, ...responseInit } = init ?? {};
  return new Response(toEventStream(stream, { onError }), { ...responseInit, headers });
}

type SseOut = { event: string; data: string };

function sse(event: EventStreamEvent): SseOut {
  const { type, ...data } = event;
  return { event: type, data: JSON.stringify(data) };
}

async function* streamEvents(
  stream: EventStreamSource,
  options: ToEventStreamOptions,
  isCancelled: () => boolean,
): AsyncGenerator<SseOut, void, undefined> {
  try {
    let seenCalls = stream.toolCalls.length;
    for await (const [chunk] of stream) {
      if (chunk.content) yield sse({ type: "text", delta: chunk.content });
      while (seenCalls < stream.toolCalls.length) yield sse(toolCallEvent(stream.toolCalls[seenCalls++]));
    }
  } catch (error) {
    if (isCancelled()) return;
    try {
      options.onError?.(error);
    } catch {
      // A logger that throws must not cost the client its error event (the stream would end as a cut one).
    }
    yield sse({ type: "error", ...describeError(error) });
    return;
  }
  yield sse({
    type: "usage",
    usage: stream.usage ?? null,
    cost: stream.cost ?? null,
    finishReasons: [...stream.finishReasons],
    commonFinishReasons: [...stream.commonFinishReasons],
    model: stream.model,
  });
  yield sse({ type: "done" });
}

function toolCallEvent(call: ToolCallData): EventStreamEvent {
  return { type: "tool_call", id: call.id, name: call.name, args: parseArgs(call.args) };
}

/** Arguments as JSON values: raw text is parsed; text that is not JSON is sent as the string it is. */
function parseArgs(args: ToolCallData["args"]): unknown {
  if (typeof args !== "string") return args;
  if (args.trim() === "") return {};
  try {
    return JSON.parse(args);
  } catch {
    return args;
  }
}

/**
 * Only a name and a message reach the client, with every key the calls used redacted (promptcall
 * errors are redacted already; a tool's or a runtime's own error may not be).
 */
function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error || (typeof error === "object" && error !== null && "message" in error)) {
    const e = error as { name?: unknown; message?: unknown };
    return { name: typeof e.name === "string" ? e.name : "Error", message: redactSecrets(String(e.message), knownSecrets()) };
  }
  return { name: "Error", message: redactSecrets(String(error), knownSecrets()) };
}

/** Aborts the call behind a stream without waiting for its next chunk. */
function abortStream(stream: EventStreamSource, reason: unknown): void {
  stream.abort?.(reason);
}
