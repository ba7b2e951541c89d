import { splitBytes } from "./split-bytes.ts";
import type { SplitOptions } from "./split-bytes.ts";

/** A scripted response body: text, bytes, or an array served as exactly those chunks. */
export type ReplayBody = string | Uint8Array | (string | Uint8Array)[];

/** One scripted answer of {@link createReplayFetch}. */
export interface ReplayResponse {
  /** The body (default ""). Content type defaults to `text/event-stream` for SSE-looking text, else JSON. */
  body?: ReplayBody;
  /** HTTP status (default 200). */
  status?: number;
  statusText?: string;
  headers?: Record<string, string>;
  /** `"whole"` (default): one chunk per string or array item; `{ seed }`: the body's bytes cut at seeded random offsets. */
  chunking?: SplitOptions | "whole";
  /** Waits this long before answering and before each chunk (an abort ends the wait). */
  delayMs?: number;
  /** Rejects the fetch with this instead of answering, e.g. `new TypeError("fetch failed")`. */
  error?: unknown;
  /** Errors the body with this after its chunks were served: a connection dropped mid-stream. */
  bodyError?: unknown;
}

/** A request the replay fetch saw. */
export interface RecordedRequest {
  method: string;
  url: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** The body as text ("" when there was none). */
  body: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  signal: AbortSignal | undefined;
  /** True once the consumer cancelled this response's body (e.g. broke out of a stream loop). */
  cancelled: boolean;
}

/** What to answer: one response, one per request in order, or a function of the request. */
export type ReplayScript =
  | ReplayResponse
  | ReplayResponse[]
  | ((request: RecordedRequest, index: number) => ReplayResponse | Promise<ReplayResponse>);

/** A `fetch` that answers from a script and records what it was asked. */
export interface ReplayFetch {
  (input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** Every request seen, in order. */
  readonly requests: RecordedRequest[];
  /** How many response bodies the consumer cancelled. */
  readonly cancelled: number;
}

const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * Creates a `fetch` replacement that serves scripted responses (a list is served in order and a
 * request beyond it fails loudly; pass a function to answer any number) and records each request.
 * Bodies are real `ReadableStream`s that honour the request's `signal`.
 *
 * @example
 * const fetch = createReplayFetch({ body: sseText, chunking: { seed: 1, maxChunkSize: 3 } });
 * const res = await fetch("https://api.example.com/v1/chat", { method: "POST", body: "{}" });
 * fetch.requests[0].json; // {}
 */
export function createReplayFetch(script: ReplayScript): ReplayFetch {
  const requests: RecordedRequest[] = [];
  const pick = toPicker(script);
  async function replayFetch(input: Request | string | URL, init?: RequestInit): Promise<Response> {
    const signal = init?.signal ?? (isRequest(input) ? input.signal : undefined) ?? undefined;
    signal?.throwIfAborted();
    const request = await recordRequest(input, init, signal);
    requests.push(request);
    const scripted = await pick(request, requests.length - 1);
    await wait(scripted.delayMs, signal);
    signal?.throwIfAborted(); // aborted while the request was being read or answered
    if (scripted.error !== undefined) throw scripted.error;
    return buildResponse(scripted, request);
  }
  Object.defineProperty(replayFetch, "requests", { value: requests, enumerable: true });
  Object.defineProperty(replayFetch, "cancelled", {
    get: () => requests.filter((request) => request.cancelled).length,
    enumerable: true,
  });
  return replayFetch as ReplayFetch;
}

/** A {@link ReplayResponse} for recorded text such as a fixture, re-chunked when `seed` is given. */
export function fixtureResponse(
  text: string,
  options: { status?: number; headers?: Record<string, string>; seed?: number; maxChunkSize?: number } = {},
): ReplayResponse {
  const { seed, maxChunkSize, ...rest } = options;
  return { ...rest, body: text, chunking: seed === undefined ? "whole" : { seed, maxChunkSize } };
}

function toPicker(script: ReplayScript): (request: RecordedRequest, index: number) => ReplayResponse | Promise<ReplayResponse> {
  if (typeof script === "function") return script;
  const list = Array.isArray(script) ? script : [script];
  return (request, index) => {
    const scripted = list[index];
    if (scripted) return scripted;
    throw new Error(
      `Replay fetch: request ${index + 1} (${request.method} ${request.url}) has no scripted response; ` +
        `${list.length} were scripted. Script one more, or pass a function to answer any number of requests.`,
    );
  };
}

async function recordRequest(
  input: Request | string | URL,
  init: RequestInit | undefined,
  signal: AbortSignal | undefined,
): Promise<RecordedRequest> {
  // Streaming request bodies need `duplex` in some runtimes; the signal is handled separately.
  const needsDuplex = typeof (init?.body as ReadableStream | undefined)?.getReader === "function";
  const request = new Request(input, { ...init, signal: null, ...(needsDuplex ? { duplex: "half" } : {}) } as RequestInit);
  const body = await request.text();
  let json: unknown;
  try {
    json = body === "" ? undefined : JSON.parse(body);
  } catch {
    json = undefined;
  }
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { method: request.method, url: request.url, headers, body, json, signal, cancelled: false };
}

function buildResponse(scripted: ReplayResponse, request: RecordedRequest): Response {
  const status = scripted.status ?? 200;
  const body = scripted.body ?? "";
  const headers = new Headers(scripted.headers);
  if (!headers.has("content-type")) headers.set("content-type", guessContentType(body));
  const stream = NULL_BODY_STATUSES.has(status) ? null : replayBody(toChunks(body, scripted.chunking), scripted, request);
  const response = new Response(stream, { status, statusText: scripted.statusText, headers });
  try {
    Object.defineProperty(response, "url", { value: request.url });
  } catch {
    // A host object that refuses own properties keeps its empty url.
  }
  return response;
}

function toChunks(body: ReplayBody, chunking: ReplayResponse["chunking"]): Uint8Array[] {
  const encoder = new TextEncoder();
  const pieces = (Array.isArray(body) ? body : [body]).map((piece) => (typeof piece === "string" ? encoder.encode(piece) : piece.slice()));
  if (chunking === undefined || chunking === "whole") return pieces.filter((piece) => piece.length > 0);
  return splitBytes(concat(pieces), chunking);
}

function replayBody(chunks: Uint8Array[], scripted: ReplayResponse, request: RecordedRequest): ReadableStream<Uint8Array> {
  const { signal } = request;
  let next = 0;
  let onAbort: (() => void) | undefined;
  const cleanup = () => onAbort && signal?.removeEventListener("abort", onAbort);
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        onAbort = () => controller.error(signal?.reason);
        if (signal?.aborted) onAbort();
        else signal?.addEventListener("abort", onAbort, { once: true });
      },
      async pull(controller) {
        await wait(scripted.delayMs, signal);
        if (signal?.aborted) return;
        if (next < chunks.length) return controller.enqueue(chunks[next++]);
        cleanup();
        if (scripted.bodyError !== undefined) controller.error(scripted.bodyError);
        else controller.close();
      },
      cancel() {
        request.cancelled = true;
        cleanup();
      },
    },
    { highWaterMark: 0 },
  );
}

function guessContentType(body: ReplayBody): string {
  const first = Array.isArray(body) ? (body[0] ?? "") : body;
  const head = typeof first === "string" ? first.slice(0, 64) : new TextDecoder().decode(first.subarray(0, 64));
  return /^\s*(data|event|id|retry)?:/.test(head) ? "text/event-stream" : "application/json";
}

function concat(pieces: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

function wait(ms: number | undefined, signal: AbortSignal | undefined): Promise<void> {
  if (!ms) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function isRequest(input: Request | string | URL): input is Request {
  return typeof input === "object" && "signal" in input && "headers" in input;
}
