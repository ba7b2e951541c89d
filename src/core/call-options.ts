import type { Params } from "./params.ts";
import type { BaseMessageParam } from "./message-param.ts";
import type { Prompt } from "./normalize-prompt.ts";
import type { ProviderTypes } from "./provider-types.ts";
import type { RetryOptions } from "../http/retry.ts";
import type { TimeoutOption } from "../http/timeouts.ts";
import type { InferSchema, SchemaLike } from "./structured/schema.ts";
import type { StructuredStream } from "./structured/structured-stream.ts";
import type { AnyMiddleware } from "./middleware/middleware.ts";
import type { ExecuteToolsOptions } from "./tools/execute-tools.ts";
import type { ToolDefinition, ToolInstanceOf, ToolOutput } from "./tools/tool.ts";

/** How `responseModel` is obtained: the provider's strongest mechanism, or one you pick. */
export type StructuredOutputMode = "auto" | "json-schema" | "tool" | "json";

/** Options of `provider.call(options, fn)`. */
export interface CallOptions<T extends ProviderTypes = ProviderTypes> {
  /** The model id, e.g. `"gpt-4o-mini"`. */
  model: string;
  /** Provider call parameters (temperature, max tokens, …). */
  callParams?: T["CallParams"];
  /** Provider-neutral parameters (temperature, maxTokens, thinking…) in the provider's names; `callParams` win. */
  params?: Params;
  /** API key, base URL, fetch and headers. */
  client?: T["Client"];
  /** Retry policy for retryable failures (default: 2 retries); `false` disables it. */
  retry?: RetryOptions | false;
  /** Time limits: a number bounds one attempt up to the response headers; or `{ attemptMs, idleMs, totalMs }`. */
  timeout?: TimeoutOption;
  /** Tools the model may call. */
  tools?: readonly ToolDefinition[];
  /** Stream the response. */
  stream?: boolean;
  /** Parse and validate the output with this schema. */
  responseModel?: SchemaLike;
  /** The provider's JSON mode: `.content` is JSON text. */
  jsonMode?: boolean;
  /** Which mechanism obtains `responseModel` (default `"auto"`). */
  structuredOutputMode?: StructuredOutputMode;
  /** How many times to re-ask the model when its output fails `responseModel` (default 0). */
  validationRetries?: number;
  /**
   * Transforms the response into what the call returns (not with `stream`). Declared as a method, so
   * that one provider's options are also `CallOptions` of the base types.
   */
  outputParser?(response: T["Response"]): unknown;
  /** Aborts every call made with these options. */
  signal?: AbortSignal;
  /** Carried to the response's `metadata`. */
  metadata?: Record<string, unknown>;
  /** Middleware around this call, after the global ones (see `defineMiddleware`). */
  middleware?: readonly AnyMiddleware[];
}

/** A provider's call options: the common ones and its own (`T["Extra"]`). */
export type ProviderCallOptions<T extends ProviderTypes = ProviderTypes> = CallOptions<T> & T["Extra"];

/**
 * A response (or stream) whose tools are typed from the tool definitions `T`: `tools`, `tool`,
 * `executeTools()` results and a stream's `[chunk, tool]` pairs narrow `args` by `name`; `resume`
 * gives `Next` or another such response.
 */
export type ToolResponse<R, T, Next = never> = Omit<R, "tools" | "tool" | "resume" | "executeTools" | typeof Symbol.asyncIterator> & {
  readonly tools: ToolInstanceOf<T>[];
  readonly tool: ToolInstanceOf<T> | undefined;
  /** Runs every tool call: `[tool, output]`, or `[tool, text, error]` for a failure. */
  executeTools(options?: ExecuteToolsOptions): Promise<ToolOutput<ToolInstanceOf<T>>[]>;
  /** Sends the tool outputs back: the next turn, typed like this one. */
  resume(outputs: readonly ToolOutput[]): Promise<Next | ToolResponse<R, T, Next>>;
} & (R extends AsyncIterable<readonly [infer C, unknown]> ? AsyncIterable<[C, ToolInstanceOf<T> | undefined]> : unknown);

/** A response type whose `tools`/`tool` are typed from the options' tool definitions. */
export type WithTools<R, O, Next = never> = O extends { tools: readonly (infer T)[] }
  ? [ToolInstanceOf<T>] extends [never]
    ? R
    : ToolResponse<R, T, Next>
  : R;

/** What awaiting a call returns, given its options. */
export type CallResult<O, R, S> = O extends { stream: true }
  ? O extends { responseModel: infer M extends SchemaLike }
    ? StructuredStream<InferSchema<M>>
    : WithTools<S, O>
  : O extends { responseModel: infer M extends SchemaLike }
    ? O extends { tools: readonly [unknown, ...unknown[]] }
      ? InferSchema<M> | WithTools<R, O, InferSchema<M>>
      : InferSchema<M>
    : O extends { outputParser: (response: never) => infer X }
      ? Awaited<X>
      : WithTools<R, O>;

/** Rejects option combinations that make no sense, at compile time. */
export type ValidOptions<O> = O extends { stream: true; outputParser: (...args: never[]) => unknown }
  ? { outputParser: "outputParser cannot be used with stream: true" }
  : O extends { jsonMode: true; tools: readonly [unknown, ...unknown[]]; stream: true; responseModel: SchemaLike }
    ? unknown
    : unknown;

/** A prompt function: any parameters, returning a prompt (sync or async). */
export type PromptFunction<Args extends unknown[], MessageParam> = (
  ...args: Args
) => Prompt<MessageParam | BaseMessageParam> | Promise<Prompt<MessageParam | BaseMessageParam>>;

/** The function `call` returns: `fn`'s parameters, the result type its options give. */
export type CallFunction<Args extends unknown[], Result> = ((...args: Args) => Promise<Result>) & {
  /** The options this call was made with. */
  readonly options: CallOptions;
  /** The provider's name. */
  readonly provider: string;
  /** The prompt function. */
  readonly fn: (...args: Args) => unknown;
};

/** A provider's `call(options, fn)`: `fn`'s parameters, the result type its options give. */
export type ProviderCall<T extends ProviderTypes = ProviderTypes> = <const O extends ProviderCallOptions<T>, Args extends unknown[]>(
  options: O & ValidOptions<O>,
  fn: PromptFunction<Args, T["MessageParam"]>,
) => CallFunction<Args, CallResult<O, T["Response"], T["Stream"]>>;
