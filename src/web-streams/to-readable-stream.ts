/** Options for {@link toReadableStream}. */
export interface ToReadableStreamOptions {
  /** How many items may wait in the stream's queue before it stops pulling (default 0: pull on read). */
  highWaterMark?: number;
  /**
   * Called at once on cancel. `return()` waits for a `next()` already running (an async generator
   * runs one step at a time), so use this to abort e.g. the fetch a silent source is waiting on.
   */
  onCancel?: (reason: unknown) => void;
}

/**
 * Wraps an async iterable (or a function returning an iterator) as a pull-based `ReadableStream`:
 * one `next()` per pull, so a slow reader slows the source. `cancel(reason)` calls the iterator's
 * `return()`, which reaches the source (e.g. aborts the fetch behind a generator).
 *
 * @example
 * return new Response(toReadableStream(textDeltas()).pipeThrough(new TextEncoderStream()));
 */
export function toReadableStream<T>(
  source: AsyncIterable<T> | (() => AsyncIterator<T>),
  options: ToReadableStreamOptions = {},
): ReadableStream<T> {
  let iterator: AsyncIterator<T> | undefined;
  const open = () => (iterator ??= typeof source === "function" ? source() : source[Symbol.asyncIterator]());
  return new ReadableStream<T>(
    {
      async pull(controller) {
        // An exception here errors the stream, which is what a failing source should do.
        const result = await open().next();
        if (result.done) controller.close();
        else controller.enqueue(result.value);
      },
      async cancel(reason) {
        options.onCancel?.(reason);
        // Only an iterator that was started can hold resources; do not start one just to stop it.
        await iterator?.return?.(reason);
      },
    },
    { highWaterMark: options.highWaterMark ?? 0 },
  );
}
