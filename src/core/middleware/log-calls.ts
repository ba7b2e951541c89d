import { knownSecrets } from "../../errors/known-secrets.ts";
import { redactSecrets } from "../../errors/redact-secrets.ts";
import type { BaseCallResponse } from "../call-response.ts";
import type { BaseStream } from "../stream.ts";
import { defineMiddleware, type Middleware, type MiddlewareContext } from "./middleware.ts";

/** One call, as `logCalls` logs it. */
export interface CallLogLine {
  /** `"ok"`, `"error"`, or `"incomplete"` for a stream the reader left before its end. */
  status: "ok" | "error" | "incomplete";
  provider: string;
  /** The model that answered (the one asked for when the call failed). */
  model: string;
  /** Milliseconds from `onCall` to the end (a stream's end, not its hand-out). */
  ms: number;
  stream: boolean;
  /** How many retries the call made. */
  retries: number;
  inputTokens?: number;
  outputTokens?: number;
  /** Cost in USD, when the model's price is known. */
  costUsd?: number;
  /** The error's class name, e.g. `"RateLimitError"`. */
  error?: string;
}

/** Options of {@link logCalls}. */
export interface LogCallsOptions {
  /** Where each line goes (default: `console.log` of the line as JSON, one line per call). */
  log?: (line: CallLogLine) => void;
}

interface LogState {
  start: number;
  retries: number;
  done?: boolean;
}

/** A middleware that logs one structured line per call: provider, model, ms, tokens, cost, status. */
export function logCalls(options: LogCallsOptions = {}): Middleware<LogState> {
  const log = options.log ?? ((line: CallLogLine) => console.log(JSON.stringify(line)));
  const emit = (
    ctx: MiddlewareContext<LogState>,
    status: CallLogLine["status"],
    result?: BaseCallResponse | BaseStream,
    error?: unknown,
  ) => {
    // A structured stream's `final()` may fail after its stream ended: one line per call.
    if (ctx.state.done) return;
    ctx.state.done = true;
    const line: CallLogLine = {
      status,
      provider: ctx.provider,
      model: result?.model ?? ctx.model,
      ms: Date.now() - ctx.state.start,
      stream: ctx.stream,
      retries: ctx.state.retries,
    };
    if (result?.usage) Object.assign(line, { inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens });
    if (result?.cost !== undefined) line.costUsd = result.cost;
    // A thrown value that is not an error is logged as text, without the keys the library has used.
    if (error !== undefined) line.error = (error as { name?: string } | null)?.name ?? redactSecrets(String(error), knownSecrets());
    log(line);
  };
  return defineMiddleware<LogState>({
    name: "logCalls",
    onCall(ctx) {
      ctx.state.start = Date.now();
      ctx.state.retries = 0;
    },
    onRetry(_info, ctx) {
      ctx.state.retries++;
    },
    onResponse: (response, ctx) => emit(ctx, "ok", response),
    onStream: (stream, ctx, { completed }) => emit(ctx, completed ? "ok" : "incomplete", stream),
    onError: (error, ctx) => emit(ctx, "error", undefined, error),
  });
}
