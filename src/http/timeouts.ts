import type { TimeoutPhase } from "../errors/timeout-error.ts";
import { MAX_TIMER_MS } from "./max-timer.ts";
import { failures } from "./seams.ts";

/** Each time limit of a call, in milliseconds (`Infinity` for none). */
export interface TimeoutOptions {
  /** One attempt, from sending the request to the response headers; retried (default 10 min). */
  attemptMs?: number;
  /** Every wait for the next piece of a body, streamed or not (default 5 min). */
  idleMs?: number;
  /** The whole call: attempts, retry waits and the body; not retried (default: no limit). */
  totalMs?: number;
}

/** The `timeout` option of a call: a number is `attemptMs`. */
export type TimeoutOption = number | TimeoutOptions;

/**
 * The defaults: 10 minutes to the headers (what OpenAI's and Anthropic's SDKs allow, as a
 * non-streaming reasoning call sends its headers only once the answer is done), 5 minutes of
 * silence inside a body (a streamed model can think that long between pieces), no total limit.
 */
export const DEFAULT_TIMEOUTS = { attemptMs: 600_000, idleMs: 300_000, totalMs: Number.POSITIVE_INFINITY } as const;

/** {@link TimeoutOptions} with the defaults filled in; rejects with a `PromptcallError` for a value that is not a positive number. */
export async function resolveTimeouts(option: TimeoutOption | undefined): Promise<Required<TimeoutOptions>> {
  const given = typeof option === "number" ? { attemptMs: option } : (option ?? {});
  const out: Required<TimeoutOptions> = { ...DEFAULT_TIMEOUTS };
  for (const key of Object.keys(out) as (keyof TimeoutOptions)[]) {
    const value = given[key];
    if (value === undefined) continue;
    if (typeof value !== "number" || !(value > 0)) throw (await failures()).invalidTimeout(key, value);
    out[key] = value;
  }
  return out;
}

/** A timer that aborts its signal with a `TimeoutError` of `phase`; none for an infinite limit. */
export function timeoutSignal(ms: number, phase: TimeoutPhase, provider: string): { signal?: AbortSignal; clear(): void } {
  if (ms === Number.POSITIVE_INFINITY) return { clear() {} };
  const controller = new AbortController();
  // The `TimeoutError` class loads only when a limit is hit.
  const timer = setTimeout(
    () => void failures().then((f) => controller.abort(f.timeoutFailure(phase, ms, provider))),
    Math.min(ms, MAX_TIMER_MS),
  );
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}
