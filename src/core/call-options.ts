import type { Params } from "./params.ts";
import type { BaseDynamicConfig } from "./dynamic-config.ts";
import type { BaseMessageParam } from "./message-param.ts";
import type { Prompt } from "./normalize-prompt.ts";
import type { ProviderTypes } from "./provider-types.ts";
import type { RetryOptions } from "../http/retry.ts";
import type { TimeoutOption } from "../http/timeouts.ts";
import type { InferSchema, SchemaLike } from "./structured/schema.ts";
import type { StructuredStream } from "./structured/structured-stream.ts";
import type { AnyMiddleware } from "./middleware/middleware.ts";
import type { ExecuteToolsOptions } from "./tools/execute-tools.ts";
import type { PartialToolOf } from "./tools/partial-tool.ts";
import type { BaseTool, ToolDefinition, ToolInstanceOf, ToolOutput } from "./tools/tool.ts";

/** How `responseModel` is obtained: the provider's strongest mechanism, or one you pick. */
export type StructuredOutputMode = "auto" | "json-schema" | "tool" | "json";

/**
 * Options of `provider.call(options, fn)`. `M` is the `responseModel` a call gives (when it gives
 * one), which types what `outputParser` receives.
 */
export interface CallOptions<T extends ProviderTypes = ProviderTypes, M = undefined> {
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
  stream?: boolean | StreamOptions;
  /** Parse and validate the output with this schema. */
  responseModel?: SchemaLike;
  /** The provider's JSON mode: `.content` is JSON text. */
  jsonMode?: boolean;
  /** Which mechanism obtains `responseModel` (default `"auto"`). */
  structuredOutputMode?: StructuredOutputMode;
  /** How many times to re-ask the model when its output fails `responseModel` (default 0; not with `stream: true`). */
  validationRetries?: number;
  /**
   * Transforms the response (with `responseModel`: the validated value) into what the call returns
   * (not with `stream`). Declared as a method, so that one provider's options are also `CallOptions`
   * of the base types.
   */
  outputParser?(response: ParserInput<T["Response"], M>): unknown;
  /** Aborts every call made with these options. */
  signal?: AbortSignal;
  /** Carried to the response's `metadata`. */
  metadata?: Record<string, unknown>;
  /** Middleware around this call, after the global ones (see `defineMiddleware`). */
  middleware?: readonly AnyMiddleware[];
}

/** `stream: { partialTools: true }`: stream, and also yield partial tools as their arguments arrive. */
export interface StreamOptions {
  /** Yield `PartialTool`s (`partial: true`, `delta`, deep-partial `args`) before each complete tool. */
  partialTools?: boolean;
}

/** What `outputParser` receives: the validated value of a `responseModel` `M`, else the response `R`. */
export type ParserInput<R, M> = [M] extends [SchemaLike] ? InferSchema<M> : R;

/** A provider's call options: the common ones and its own (`T["Extra"]`). */
export type ProviderCallOptions<T extends ProviderTypes = ProviderTypes, M = undefined> = CallOptions<T, M> & T["Extra"];

/**
 * A response (or stream) whose tools are typed from the tool definitions `T`: `tools`, `tool`,
 * `executeTools()` results and a stream's `[chunk, tool]` pairs narrow `args` by `name`; `resume`
 * gives `Next` or another such response.
 */
export type ToolResponse<R, T, Next = never, Partials = false> = Omit<
  R,
  "tools" | "tool" | "resume" | "executeTools" | typeof Symbol.asyncIterator
> & {
  readonly tools: ToolInstanceOf<T>[];
  readonly tool: ToolInstanceOf<T> | undefined;
  /** Runs every tool call: `[tool, output]`, or `[tool, text, error]` for a failure. */
  executeTools(options?: ExecuteToolsOptions): Promise<ToolOutput<ToolInstanceOf<T>>[]>;
  /** Sends the tool outputs back: the next turn, typed like this one. */
  resume(outputs: readonly ToolOutput[]): Promise<Next | ToolResponse<R, T, Next, Partials>>;
} & (R extends AsyncIterable<readonly [infer C, unknown]>
    ? AsyncIterable<[C, ToolInstanceOf<T> | (Partials extends true ? PartialToolOf<T> : never) | undefined]>
    : unknown);

/** A response type whose `tools`/`tool` are typed from the options' tool definitions. */
export type WithTools<R, O, Next = never> = O extends { tools: readonly (infer T)[] }
  ? [ToolInstanceOf<T>] extends [never]
    ? R
    : ToolResponse<R, T, Next, O extends { stream: { partialTools: true } } ? true : false>
  : R;

/**
 * What awaiting a call returns, given its options: a stream, or a value or response; either of them
 * when `stream` is a `boolean` rather than a literal.
 */
export type CallResult<O, R, S> = O extends { stream: true | StreamOptions }
  ? StreamedResult<O, S, R>
  : MayStream<O> extends true
    ? StreamedResult<O, S, R> | AwaitedResult<O, R>
    : AwaitedResult<O, R>;

/** Whether options `O` may stream: `stream` is `true` or a non-literal `boolean`. */
type MayStream<O> = O extends { stream: true | StreamOptions }
  ? true
  : "stream" extends keyof O
    ? true extends O["stream" & keyof O]
      ? true
      : false
    : false;

/** What a streaming call returns (with a response model and tools, the model may call a tool instead). */
type StreamedResult<O, S, R> = O extends { responseModel: infer M extends SchemaLike }
  ? O extends { tools: readonly [unknown, ...unknown[]] }
    ? ToolStructuredStream<InferSchema<M>, WithTools<R, O, InferSchema<M>>, ToolsOf<O>>
    : StructuredStream<InferSchema<M>>
  : WithTools<S, O>;

/** The tool instances of options `O`. */
type ToolsOf<O> = O extends { tools: readonly (infer T)[] } ? ToolInstanceOf<T> : never;

/**
 * A streamed `responseModel` call with tools: iterate it for the partial value; if the model called
 * tools instead of answering, `tools` has them and `resume(outputs)` streams the next turn;
 * `final()` gives the validated value, or the call response (`Response`) when a tool was called.
 */
export type ToolStructuredStream<V, Response, Tool> = Omit<StructuredStream<V>, "final" | "resume" | "tools" | "tool" | "executeTools"> & {
  readonly tools: Tool[];
  readonly tool: Tool | undefined;
  /** Runs the tools the model called: `[tool, output]`, or `[tool, text, error]` for a failure. */
  executeTools(options?: ExecuteToolsOptions): Promise<ToolOutput<Extract<Tool, BaseTool>>[]>;
  /** Sends the tool outputs back and streams the next turn. */
  resume(outputs: readonly ToolOutput[]): Promise<ToolStructuredStream<V, Response, Tool>>;
  /** The validated value, or the call response when the model called a tool (`isCallResponse` tells). */
  final(): Promise<V | Response>;
};

/** What a call that does not stream returns: the value (through `outputParser`), or the response. */
type AwaitedResult<O, R> = O extends { responseModel: infer M extends SchemaLike }
  ? StructuredResult<O, R, Parsed<O, InferSchema<M>>>
  : Parsed<O, WithTools<R, O>>;

/** What `outputParser` returns, or `V` without one. */
type Parsed<O, V> = O extends { outputParser: (input: never) => infer X } ? Awaited<X> : V;

/** A `responseModel` call's value `V`, or a response when the model may call one of the tools. */
type StructuredResult<O, R, V> = O extends { tools: readonly [unknown, ...unknown[]] } ? V | WithTools<R, O, V> : V;

/** Rejects option combinations that make no sense, at compile time. */
export type ValidOptions<O> = (O extends { outputParser: (...args: never[]) => unknown }
  ? MayStream<O> extends true
    ? { outputParser: "outputParser cannot be used with stream: true (nor with a boolean stream)" }
    : unknown
  : unknown) &
  (O extends { stream: true | StreamOptions; responseModel: SchemaLike; validationRetries: infer N }
    ? [N] extends [0 | undefined]
      ? unknown
      : { validationRetries: InvalidOption<"validationRetries does not apply to a streamed responseModel: call without stream to re-ask"> }
    : unknown);

/** The type an option is given in a combination that makes no sense: nothing is assignable to it. */
export interface InvalidOption<Message> {
  /** Why the option cannot be used here. */
  readonly "invalid option": Message;
}

/** The type a misspelt or unknown option `K` is given: nothing is assignable to it. */
export interface NotAnOption<K> {
  /** The unknown option's name. */
  readonly "is not an option of this call": K;
}

/**
 * Types every option of `O` that `Known` lacks as {@link NotAnOption}, so that a misspelt name
 * (`validationRetires`, `strem`) fails to compile although `O` is inferred (a generic loses the
 * excess-property check an object literal gets).
 */
export type NoExtraOptions<O, Known> = { [K in Exclude<keyof O, keyof Known>]: NotAnOption<K> };

/** A prompt function: any parameters, returning a prompt (sync or async). */
export type PromptFunction<Args extends unknown[], MessageParam> = (
  ...args: Args
) => Prompt<MessageParam | BaseMessageParam> | Promise<Prompt<MessageParam | BaseMessageParam>>;

/**
 * A prompt function returning `P`, whose dynamic config may not have a misspelt or unknown key
 * (`callParamz`): `P` is inferred from what the function returns, then checked.
 */
export type CheckedPromptFunction<Args extends unknown[], P> = ((...args: Args) => P | Promise<P>) & NoInfer<UnknownConfigKeys<P>>;

/** Names the keys of prompt `P`'s dynamic configs that a dynamic config does not know: no function has that property. */
type UnknownConfigKeys<P> = 0 extends 1 & P
  ? unknown // `any`
  : [ConfigKeys<P>] extends [never]
    ? unknown
    : { readonly "unknown dynamic config keys": ConfigKeys<P> };

/** The keys of prompt `P`'s dynamic configs (any member of a union) that a dynamic config does not know. */
type ConfigKeys<P> = P extends string | readonly unknown[] ? never : Exclude<keyof P, keyof BaseDynamicConfig>;

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
// `M` is inferred from `responseModel` alone, before `outputParser` is typed: the parser's parameter
// is then the validated value (the run time gives it that), not the response.
export type ProviderCall<T extends ProviderTypes = ProviderTypes> = <
  const O extends ProviderCallOptions<T, M>,
  Args extends unknown[],
  P extends Prompt<T["MessageParam"] | BaseMessageParam>,
  M extends SchemaLike | undefined = undefined,
>(
  options: O & { responseModel?: M } & ValidOptions<O> & NoExtraOptions<O, ProviderCallOptions<T>>,
  fn: CheckedPromptFunction<Args, P>,
) => CallFunction<Args, CallResult<O, T["Response"], T["Stream"]>>;
