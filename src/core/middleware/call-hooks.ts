import type { CallContext, CallHooks } from "../call-context.ts";
import type { BaseStream } from "../stream.ts";
import type { StructuredStream } from "../structured/structured-stream.ts";
import type { RetryInfo } from "../../http/retry.ts";
import type { AnyMiddleware, Middleware, MiddlewareContext, RetryEvent } from "./middleware.ts";
import { reportMiddlewareError } from "./report.ts";

/** One middleware in one call: its context (from `onCall` on) and whether it already failed. */
interface Slot {
  readonly middleware: AnyMiddleware;
  ctx: MiddlewareContext | undefined;
  failed: boolean;
}

type Hook = Exclude<keyof Middleware, "name">;

/**
 * How a call's middleware become its `CallHooks` (loaded only when a call has middleware): returns a
 * factory, called once per call and per resumed turn, so each has its own `state`.
 */
export function hooksFor(list: readonly AnyMiddleware[]): () => CallHooks {
  return () => new MiddlewareHooks(list);
}

/**
 * Runs the hooks of every middleware: `onCall` in order, each awaited; `onRetry` in order; the end
 * hooks in reverse order (a stack), not awaited. A hook that throws or rejects is reported once and
 * its middleware skipped for the rest of the call; nothing it does reaches the call's result.
 */
class MiddlewareHooks implements CallHooks {
  private readonly slots: Slot[];

  constructor(list: readonly AnyMiddleware[]) {
    this.slots = list.map((middleware) => ({ middleware, ctx: undefined, failed: false }));
  }

  async onCall(call: CallContext, messages: readonly unknown[]): Promise<void> {
    for (const slot of this.slots) {
      const ctx = middlewareContext(call, messages);
      slot.ctx = ctx;
      const hook = slot.middleware.onCall;
      if (!hook) continue;
      try {
        await hook.call(slot.middleware, ctx);
      } catch (error) {
        this.fail(slot, "onCall", error);
      }
    }
  }

  onRetry({ retry, delayMs, error }: RetryInfo): void {
    const event: RetryEvent = { attempt: retry, delayMs, error };
    for (const slot of this.slots) this.fire(slot, "onRetry", event);
  }

  onResponse(response: unknown): void {
    this.fireAll("onResponse", response);
  }

  onStream(stream: BaseStream): void {
    stream.endHook = (completed, failure) => {
      if (failure) this.fireAll("onError", failure.error);
      else this.fireAll("onStream", stream, { completed });
    };
  }

  onStructuredStream(structured: StructuredStream<unknown>): void {
    this.onStream(structured.stream);
    const final = structured.final;
    let told = false;
    // The first `final()` tells its value (or its ValidationError); later ones return the same.
    structured.final = async () => {
      try {
        const value = await final.call(structured);
        if (!told) this.fireAll("onStructured", value);
        return value;
      } catch (error) {
        if (!told) this.fireAll("onError", error);
        throw error;
      } finally {
        told = true;
      }
    };
  }

  onStructured(value: unknown): void {
    this.fireAll("onStructured", value);
  }

  onError(error: unknown): void {
    this.fireAll("onError", error);
  }

  /** Calls `hook` of every middleware in reverse order. */
  private fireAll(hook: Hook, ...args: unknown[]): void {
    for (let i = this.slots.length - 1; i >= 0; i--) this.fire(this.slots[i], hook, ...args);
  }

  /** Calls one middleware's hook (context last but for `onStream`'s end): a rejection is reported, not awaited. */
  private fire(slot: Slot, hook: Hook, ...args: unknown[]): void {
    const fn = slot.middleware[hook] as ((...a: unknown[]) => unknown) | undefined;
    if (!fn || !slot.ctx || slot.failed) return;
    const callArgs = hook === "onStream" ? [args[0], slot.ctx, args[1]] : [...args, slot.ctx];
    try {
      const result = fn.apply(slot.middleware, callArgs);
      if (isThenable(result)) result.then(undefined, (error: unknown) => this.fail(slot, hook, error));
    } catch (error) {
      this.fail(slot, hook, error);
    }
  }

  private fail(slot: Slot, hook: Hook, error: unknown): void {
    if (slot.failed) return;
    slot.failed = true;
    reportMiddlewareError(slot.middleware.name, hook, error);
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

/** What a middleware sees of a call. */
function middlewareContext(call: CallContext, messages: readonly unknown[]): MiddlewareContext {
  return {
    provider: call.provider.name,
    model: call.options.model,
    messages,
    callParams: call.callParams as Record<string, unknown>,
    params: call.params,
    tools: call.tools,
    metadata: call.metadata,
    signal: call.signal,
    stream: Boolean(call.options.stream),
    state: {},
  };
}
