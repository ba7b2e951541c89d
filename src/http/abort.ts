// Abort helpers of the eager call path. The lazy retry code (retry.ts, sleep.ts) reads `signal.reason`
// itself rather than importing these: a module both import would get a chunk of its own.
// Every supported runtime (Node ≥ 20, browsers since 2022, Deno, workerd) gives an aborted signal a
// reason (a DOMException "AbortError" when `abort()` got none).

/** Throws `signal.reason` when the signal is aborted (also where `signal.throwIfAborted` is missing). */
export function throwIfAborted(signal: AbortSignal | null | undefined): void {
  if (signal?.aborted) throw signal.reason;
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
  // Where `AbortSignal.any` is missing (Node 20.0–20.2, Safari before 17.4).
  const controller = new AbortController();
  follow(controller, present);
  return controller.signal;
}

/**
 * Aborts `controller` with the reason of the first of `signals` to abort (at once if one has),
 * until the returned function is called; once it has, it stops listening to the others.
 */
export function follow(controller: AbortController, signals: readonly (AbortSignal | null | undefined)[]): () => void {
  const detach = () => {
    for (const s of signals) s?.removeEventListener("abort", onAbort);
  };
  // The first signal found aborted is the one whose event fired (or, up front, the first in order).
  const onAbort = () => {
    detach();
    controller.abort(signals.find((s) => s?.aborted)?.reason);
  };
  if (signals.some((s) => s?.aborted)) onAbort();
  else for (const s of signals) s?.addEventListener("abort", onAbort, { once: true });
  return detach;
}
