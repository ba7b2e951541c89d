import type { Params } from "./params.ts";
import type { RetryInfo } from "../http/retry.ts";
import type { BaseDynamicConfig } from "./dynamic-config.ts";
import type { ProviderCallOptions } from "./call-options.ts";
import type { CallOutcome } from "./call-outcome.ts";
import type { requestResponse } from "./call-turn.ts";
import type { OutputContext, ProviderDefinition } from "./provider-definition.ts";
import type { ProviderTypes } from "./provider-types.ts";
import type { BaseStream } from "./stream.ts";
import type { StructuredSpec } from "./structured/structured-spec.ts";
import type { JsonOutputReader, StructuredStream } from "./structured/structured-stream.ts";
import type { ToolDefinition } from "./tools/tool.ts";

/** What a call with a `responseModel` uses of the structured wing (loaded lazily, see structured-call.ts). */
export interface StructuredKit {
  resolveStructured<T extends ProviderTypes>(
    ctx: CallContext<T>,
    spec: StructuredSpec,
    messages: unknown[],
    request: typeof requestResponse,
  ): Promise<CallOutcome<T>>;
  StructuredStream: new (
    stream: BaseStream,
    reader: JsonOutputReader,
    output: OutputContext,
    spec: StructuredSpec,
  ) => StructuredStream<unknown>;
}

/**
 * Everything one call needs, resolved once from the provider, the options and the prompt's dynamic
 * config: what every step of the call (`sendCallRequest`, `requestResponse`, `requestStream`,
 * `runCall`, the structured wing) reads, and what `resume` derives the next turn from.
 *
 * Integration points, all on this object:
 * - timeouts: `options.timeout` goes to `sendRequest` in `sendCallRequest` (send-call-request.ts);
 * - middleware: `hooks` (see `CallHooks`), called by `runCall` and `deliver` (run-call.ts).
 */
export interface CallContext<T extends ProviderTypes = ProviderTypes> {
  readonly provider: ProviderDefinition<T>;
  /** The call's options as given (`timeout`, `retry`, `middleware` … are read from here). */
  readonly options: ProviderCallOptions<T>;
  /** The dynamic config the prompt function returned (`{}` for a string or message array). */
  readonly config: BaseDynamicConfig;
  /** The config's tools, else the options' tools. */
  readonly tools: readonly ToolDefinition[];
  /** The `responseModel` prepared for providers, when the call has one. */
  readonly structured: StructuredSpec | undefined;
  /** The structured-output module, loaded when the call has a `responseModel`. */
  readonly structuredKit: StructuredKit | undefined;
  /** The options' and the config's signals, combined. */
  readonly signal: AbortSignal | undefined;
  /** The config's `callParams` merged over the options'. */
  readonly callParams: T["CallParams"];
  /** The config's `params` merged over the options'. */
  readonly params: Params;
  /** The config's `client` merged over the options'. */
  readonly client: T["Client"];
  /** The config's `metadata` merged over the options'. */
  readonly metadata: Record<string, unknown>;
  /** Where middleware hangs: empty for a call without middleware (see core/middleware/). */
  readonly hooks: CallHooks<T>;
  /**
   * Sends the next turn of this call with `history`: a response for `{ stream: false }` (keeping the
   * `responseModel` when the call has tools, so a tool loop ends in the validated value), a stream
   * for `{ stream: true }`. What `response.resume` and `stream.resume` use.
   */
  resume(history: unknown[], options: { stream: boolean }): Promise<unknown>;
}

/**
 * The points of a call where middleware hangs (DESIGN.md, "Middleware and telemetry"). Each is
 * optional and called by the call machinery, which does not guard them: the middleware wing
 * (core/middleware/call-hooks.ts) fills them and reports a failing middleware itself.
 */
export interface CallHooks<T extends ProviderTypes = ProviderTypes> {
  /** Before the first request (run-call.ts, `runCall`). */
  onCall?(ctx: CallContext<T>, messages: readonly unknown[]): void | Promise<void>;
  /** Before each retry of a request (send-call-request.ts, through `sendRequest`). */
  onRetry?(info: RetryInfo, ctx: CallContext<T>): void;
  /** A non-streaming response, before it is returned (run-call.ts, `deliver`). */
  onResponse?(response: T["Response"], ctx: CallContext<T>): void | Promise<void>;
  /** A stream, when it is handed out: the hooks follow its end (`BaseStream.endHook`) (run-call.ts, `deliver`). */
  onStream?(stream: T["Stream"], ctx: CallContext<T>): void | Promise<void>;
  /** A structured stream, when it is handed out: the hooks follow its stream's end and `final()` (run-call.ts, `deliver`). */
  onStructuredStream?(stream: StructuredStream<unknown>, ctx: CallContext<T>): void | Promise<void>;
  /** A `responseModel` value (run-call.ts, `deliver`). */
  onStructured?(value: unknown, ctx: CallContext<T>): void | Promise<void>;
  /** Any error the call rejects with (run-call.ts, `runCall`). */
  onError?(error: unknown, ctx: CallContext<T>): void | Promise<void>;
}
