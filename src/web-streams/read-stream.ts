import { IN_WORKERD } from "./in-workerd.ts";

/**
 * Reader-based iteration. `ReadableStream[Symbol.asyncIterator]` is missing in Safari, so every
 * stream in promptcall is read through a reader, and a consumer that stops early cancels it.
 */

/**
 * Cancels `reader` when `signal` aborts (a pending `read()` then settles); returns the unsubscribe.
 * Shared by the loops that read bodies so an abort always reaches the upstream source.
 */
export function cancelOnAbort(reader: ReadableStreamDefaultReader<unknown>, signal?: AbortSignal): () => void {
  if (!signal) return noop;
  const onAbort = () => void reader.cancel(signal.reason).catch(noop);
  signal.addEventListener("abort", onAbort, { once: true });
  return () => signal.removeEventListener("abort", onAbort);
}

/**
 * Iterates `stream` with a reader. Releases the lock when the stream ends; cancels the stream
 * (so e.g. a fetch is aborted) when the consumer breaks, throws, or `signal` aborts — an abort
 * rejects with the signal's reason.
 */
export function iterateStream<T>(stream: ReadableStream<T>, signal?: AbortSignal): AsyncGenerator<T, void, undefined> {
  return readStream(stream, signal, (result) => (result.done ? SKIP : result.value));
}

/** Returned by a {@link readStream} step that has nothing to yield for a read. */
export const SKIP: unique symbol = Symbol() as never;

/**
 * The read loop behind {@link iterateStream} and `sseEventBatches`: yields `step(read)` for every
 * read, the final `{ done: true }` included, unless it is {@link SKIP} (a promise is awaited, so a
 * rejected one throws). A failed read throws `await fail(error)`. Ends as `iterateStream` does, or
 * early (cancelling the rest of the stream) once `stop()` returns true after a step.
 */
export async function* readStream<T, R>(
  stream: ReadableStream<T>,
  signal: AbortSignal | undefined,
  step: (result: ReadableStreamReadResult<T>) => R | typeof SKIP,
  fail: (error: unknown) => unknown = (error) => error,
  stop?: () => boolean,
): AsyncGenerator<Awaited<R>, void, undefined> {
  signal?.throwIfAborted();
  const reader = stream.getReader();
  const unsubscribe = cancelOnAbort(reader, signal);
  let finished = false;
  let reason: unknown;
  let pending: Promise<unknown> | undefined; // a read still running when the loop stopped early
  try {
    while (!finished) {
      let result: ReadableStreamReadResult<T>;
      try {
        result = await reader.read();
      } catch (error) {
        throw await fail(error);
      }
      signal?.throwIfAborted();
      const item = step(result);
      if (item !== SKIP) yield item;
      finished = result.done;
      if (!finished && stop?.()) {
        // An abort while the consumer took the last events still rejects with its reason.
        signal?.throwIfAborted();
        const next = reader.read();
        finished = await endsSoon(next);
        pending = finished ? undefined : next;
        break;
      }
    }
  } catch (error) {
    reason = error;
    throw error;
  } finally {
    unsubscribe();
    // In workerd a stream is not cancelled while a read of it runs (see IN_WORKERD): once it settles.
    if (pending && IN_WORKERD) void pending.then(() => releaseReader(reader, false), noop);
    else await releaseReader(reader, finished, reason ?? signal?.reason);
  }
}

/** How long a stream that said its last word may take to close before it is cancelled. */
const CLOSE_GRACE_MS = 25;

/**
 * After the last event: true when the body ends within a moment (a server closes right after its
 * terminal event, so nothing needs cancelling), false when more data or nothing came (it is then
 * cancelled, whatever the server meant to send).
 */
function endsSoon(read: Promise<ReadableStreamReadResult<unknown>>): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, CLOSE_GRACE_MS, false);
    const settle = (ended: boolean) => {
      clearTimeout(timer);
      resolve(ended);
    };
    read.then(
      (result) => settle(result.done),
      () => settle(false),
    );
  });
}

/**
 * Ends a read loop: after a normal end only releases the lock; otherwise cancels first, so the
 * source learns nobody is listening. A cancel that fails (the stream already errored) is ignored.
 */
export async function releaseReader(reader: ReadableStreamDefaultReader<unknown>, finished: boolean, reason?: unknown): Promise<void> {
  if (!finished) await reader.cancel(reason).catch(noop);
  reader.releaseLock();
}

function noop(): void {}

/** Iterates a `ReadableStream` through a reader (see {@link iterateStream}), anything else as is. */
export function iterateSource<T>(source: ReadableStream<T> | AsyncIterable<T>, signal?: AbortSignal): AsyncIterable<T> {
  // Duck-typed: a stream from another realm (iframe, worker bundle copy) fails `instanceof`.
  return typeof (source as ReadableStream<T>).getReader === "function"
    ? iterateStream(source as ReadableStream<T>, signal)
    : (source as AsyncIterable<T>);
}
