import { encodeSseEvent } from "../../web-streams/encode-sse-event.ts";
import type { ScriptedRequestBody, ScriptedWireChunk, ScriptedWireResponse, ScriptedWireToolCall } from "./wire.ts";

/** One scripted model turn: text, tool calls, or an HTTP error. */
export interface ScriptedTurn {
  /** The reply text (streamed in `chunks` when given, else in small pieces). */
  text?: string;
  /** The text's stream deltas. */
  chunks?: string[];
  /** A value whose JSON becomes the text (for `responseModel` and `jsonMode`). */
  json?: unknown;
  /** Tool calls the model makes. */
  toolCalls?: { name: string; args: Record<string, unknown> | string; id?: string }[];
  finishReason?: string;
  usage?: { inputTokens?: number; outputTokens?: number; cachedTokens?: number };
  /** Answer with this HTTP status (>= 400) and `error` as the message. */
  status?: number;
  error?: string;
  headers?: Record<string, string>;
  /** Milliseconds between streamed events. */
  delayMs?: number;
  /** Break the streamed body (as a dropped connection would) after this many events. */
  breakAfter?: number;
}

/** A script: turns served in order, or a function choosing a turn per request. */
export type Script = readonly ScriptedTurn[] | ((request: ScriptedRequestBody, index: number) => ScriptedTurn);

/** A fetch that answers the scripted provider's requests from a script. */
export interface ScriptedFetch {
  (input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** Request bodies received, in order. */
  readonly requests: ScriptedRequestBody[];
  /** How many streamed bodies were cancelled before they ended. */
  readonly cancelled: number;
}

/** Creates the fetch behind `createScriptedProvider`. */
export function createScriptedFetch(script: Script, model = "scripted-1"): ScriptedFetch {
  const requests: ScriptedRequestBody[] = [];
  let cancelled = 0;
  const fetchFn = async (_input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    init?.signal?.throwIfAborted?.();
    const body = JSON.parse(String(init?.body ?? "{}")) as ScriptedRequestBody;
    const index = requests.length;
    requests.push(body);
    const turn = typeof script === "function" ? script(body, index) : script[index];
    if (!turn) {
      return Response.json(
        { error: { message: `The script has no turn ${index + 1}: it scripts ${requests.length - 1}. Add turns.` } },
        { status: 500 },
      );
    }
    if (turn.status && turn.status >= 400) {
      return Response.json({ error: { message: turn.error ?? "scripted error" } }, { status: turn.status, headers: turn.headers });
    }
    const reply = wireResponse(turn, body, index, model);
    if (!body.stream) return Response.json(reply, { headers: turn.headers });
    const stream = scriptedBody(streamEvents(turn, reply), turn, init?.signal ?? undefined, () => cancelled++);
    return new Response(stream, { headers: { "content-type": "text/event-stream", ...turn.headers } });
  };
  return Object.defineProperties(fetchFn, {
    requests: { value: requests },
    cancelled: { get: () => cancelled },
  }) as ScriptedFetch;
}

/**
 * A streamed body of the events, one per pull (after `turn.delayMs`), broken after `turn.breakAfter`
 * events; cancelling it or aborting `signal` before its end calls `onCancel` once, and an abort
 * errors it with the signal's reason, as fetch does.
 */
function scriptedBody(events: ScriptedWireChunk[], turn: ScriptedTurn, signal: AbortSignal | undefined, onCancel: () => void) {
  const encoder = new TextEncoder();
  let i = 0;
  let closed = false;
  let streamController: ReadableStreamDefaultController<Uint8Array> | undefined;
  signal?.addEventListener("abort", () => {
    if (closed) return;
    closed = true;
    onCancel();
    streamController?.error(signal.reason);
  });
  return new ReadableStream<Uint8Array>({
    start(controller) {
      streamController = controller;
    },
    async pull(controller) {
      if (turn.breakAfter !== undefined && i >= turn.breakAfter) return controller.error(new TypeError("scripted connection dropped"));
      if (i >= events.length) {
        closed = true;
        return controller.close();
      }
      if (turn.delayMs) await new Promise((r) => setTimeout(r, turn.delayMs));
      controller.enqueue(encoder.encode(encodeSseEvent({ data: JSON.stringify(events[i++]) })));
    },
    cancel() {
      if (!closed) onCancel();
      closed = true;
    },
  });
}

function wireResponse(turn: ScriptedTurn, body: ScriptedRequestBody, index: number, model: string): ScriptedWireResponse {
  const text = turn.json !== undefined ? JSON.stringify(turn.json) : turn.chunks ? turn.chunks.join("") : (turn.text ?? "");
  const toolCalls: ScriptedWireToolCall[] = (turn.toolCalls ?? []).map((c, k) => ({
    id: c.id ?? `call_${index + 1}_${k + 1}`,
    name: c.name,
    arguments: typeof c.args === "string" ? c.args : JSON.stringify(c.args),
  }));
  const promptChars = JSON.stringify(body.messages).length;
  return {
    id: `scripted-${index + 1}`,
    model: body.model || model,
    text,
    tool_calls: toolCalls,
    finish_reason: turn.finishReason ?? (toolCalls.length ? "tool_calls" : "stop"),
    usage: {
      input_tokens: turn.usage?.inputTokens ?? Math.ceil(promptChars / 4),
      output_tokens:
        turn.usage?.outputTokens ?? Math.ceil((text.length + JSON.stringify(toolCalls).length * (toolCalls.length ? 1 : 0)) / 4),
      cached_tokens: turn.usage?.cachedTokens ?? 0,
    },
  };
}

function streamEvents(turn: ScriptedTurn, reply: ScriptedWireResponse): ScriptedWireChunk[] {
  const pieces = turn.chunks ?? splitText(reply.text);
  const events: ScriptedWireChunk[] = pieces.map((text) => ({ type: "delta", text }));
  for (const call of reply.tool_calls) events.push({ type: "tool_call", tool_call: call });
  events.push({ type: "end", id: reply.id, model: reply.model, finish_reason: reply.finish_reason, usage: reply.usage });
  return events;
}

function splitText(text: string): string[] {
  const pieces: string[] = [];
  for (const word of text.match(/\S+\s*|\s+/g) ?? []) pieces.push(word);
  return pieces;
}
