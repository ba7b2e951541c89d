/**
 * The longest delay `setTimeout` honours (2^31−1 ms, about 24.8 days); longer ones fire at once. Here
 * rather than in timeouts.ts: the lazy retry code (sleep, backoff) needs it, and taking it from
 * timeouts.ts would split timeouts.ts and seams.ts into a chunk of their own (~170 B gzip up front).
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** The reason an aborted signal rejects with (a DOMException "AbortError" when none was given). */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted.", "AbortError");
}

/** Throws `signal.reason` when the signal is aborted (also where `signal.throwIfAborted` is missing). */
export function throwIfAborted(signal: AbortSignal | null | undefined): void {
  if (signal?.aborted) throw abortReason(signal);
}

/**
 * One signal that aborts when any of `signals` does, with that signal's reason. Missing entries are
 * skipped; returns undefined when none is left and the signal itself when only one is.
 */
export function anySignal(signals: readonly (AbortSignal | null | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s != null);
  if (present.length <= 1) return present[0];
  const native = (AbortSignal as { any?: (signals: AbortSignal[]) => AbortSignal }).any;
  if (typeof native === "function") return native.call(AbortSignal, present);
  return combineManually(present);
}

function combineManually(signals: AbortSignal[]): AbortSignal {
  const controller = new AbortController();
  const already = signals.find((s) => s.aborted);
  if (already) {
    controller.abort(abortReason(already));
    return controller.signal;
  }
  const onAbort = (event: Event) => {
    for (const s of signals) s.removeEventListener("abort", onAbort);
    controller.abort(abortReason(event.target as AbortSignal));
  };
  for (const s of signals) s.addEventListener("abort", onAbort, { once: true });
  return controller.signal;
}
