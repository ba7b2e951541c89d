import type { BaseCallResponse } from "../call-response.ts";
import type { Params } from "../params.ts";
import type { BaseStream } from "../stream.ts";
import type { ToolDefinition } from "../tools/tool.ts";

/** What every hook of a middleware receives about the call it watches (one object per middleware per call). */
export interface MiddlewareContext<State extends object = Record<string, unknown>> {
  /** The provider's name, e.g. `"openai"` (for `llm.fallback`, the provider of this attempt). */
  readonly provider: string;
  /** The model the call asked for. */
  readonly model: string;
  /** The messages sent (history first). */
  readonly messages: readonly unknown[];
  /** The merged provider-native call params. */
  readonly callParams: Record<string, unknown>;
  /** The merged provider-neutral params. */
  readonly params: Params;
  /** The tools the model may call. */
  readonly tools: readonly ToolDefinition[];
  /** The call's metadata (options and dynamic config). */
  readonly metadata: Record<string, unknown>;
  /** The call's signal, when it has one. */
  readonly signal: AbortSignal | undefined;
  /** True for a streaming call. */
  readonly stream: boolean;
  /** This middleware's own object for this call: carry a span or a timer from `onCall` to the end. */
  readonly state: State;
}

/** What `onRetry` receives before each retry of a request. */
export interface RetryEvent {
  /** 1 for the first retry. */
  attempt: number;
  /** How long the call waits before the retry. */
  delayMs: number;
  /** The failure that is retried. */
  error: unknown;
}

/** How a stream ended: `completed` is false when the reader stopped early (a `break`, a cancelled `textStream`). */
export interface StreamEnd {
  completed: boolean;
}

/** A hook's result: a promise is allowed, its value ignored (awaited for `onCall` only, see docs/middleware-and-telemetry.md). */
// biome-ignore lint/suspicious/noConfusingVoidType: a hook may return nothing or a promise; both are accepted
type HookResult = void | PromiseLike<unknown>;

/** Hooks around every call: see docs/middleware-and-telemetry.md for their order, async and error rules. */
export interface Middleware<State extends object = Record<string, unknown>> {
  /** Names the middleware in error reports. */
  readonly name: string;
  /** Before the first request (awaited). */
  onCall?(ctx: MiddlewareContext<State>): HookResult;
  /** Before each retry of a request. */
  onRetry?(info: RetryEvent, ctx: MiddlewareContext<State>): HookResult;
  /** A non-streaming response (also the response behind a `responseModel` value). */
  onResponse?(response: BaseCallResponse, ctx: MiddlewareContext<State>): HookResult;
  /** A stream whose iteration ended without an error: content, usage and cost are final when `end.completed`. */
  onStream?(stream: BaseStream, ctx: MiddlewareContext<State>, end: StreamEnd): HookResult;
  /** A `responseModel` value, or a structured stream's `final()` value. */
  onStructured?(value: unknown, ctx: MiddlewareContext<State>): HookResult;
  /** Any error the caller sees: a rejected call, a failed or aborted stream, a structured stream's `final()`. */
  onError?(error: unknown, ctx: MiddlewareContext<State>): HookResult;
}

/** Any middleware, whatever its state type (what lists of middleware hold). */
// biome-ignore lint/suspicious/noExplicitAny: a list holds middleware of every state type.
export type AnyMiddleware = Middleware<any>;

/** Defines a middleware: `{ name, onCall, onRetry, onResponse, onStream, onStructured, onError }`, each hook optional. */
export function defineMiddleware<State extends object = Record<string, unknown>>(middleware: Middleware<State>): Middleware<State> {
  return middleware;
}
