/**
 * The longest delay `setTimeout` honours (2^31−1 ms, about 24.8 days); longer ones fire at once.
 * A module of its own, shared by the eager body guard and timeouts and the lazy retry code: esbuild
 * inlines the constant, so sharing it costs no chunk (a shared module with code would get one).
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;
