import { mergeParams, type Params } from "./params.ts";
import { anySignal, throwIfAborted } from "../http/abort.ts";
import type { CallHooks, CallContext, StructuredKit } from "./call-context.ts";
import type { ProviderCallOptions } from "./call-options.ts";
import type { BaseDynamicConfig } from "./dynamic-config.ts";
import type { ProviderDefinition } from "./provider-definition.ts";
import type { ProviderTypes } from "./provider-types.ts";
import { callMiddleware } from "./middleware/registry.ts";
import { runCall } from "./run-call.ts";
import { middleware as middlewareSeam, structured as structuredSeam } from "./seams.ts";
import type { StructuredSpec } from "./structured/structured-spec.ts";
import type { ToolDefinition } from "./tools/tool.ts";

/** No hooks: what a call without middleware has. */
const NO_HOOKS = Object.freeze({});
const noHooks = () => NO_HOOKS;

/** Resolves a call's context from its provider, its options and the prompt's dynamic config. */
export async function createCallContext<T extends ProviderTypes>(
  provider: ProviderDefinition<T>,
  options: ProviderCallOptions<T>,
  config: BaseDynamicConfig,
): Promise<CallContext<T>> {
  const signal = anySignal([options.signal, config.signal]);
  throwIfAborted(signal);
  const middleware = callMiddleware(options.middleware);
  // Middleware code loads with the first call that has some: a program without any never downloads it.
  const makeHooks = middleware.length === 0 ? noHooks : (await middlewareSeam()).hooksFor(middleware);
  const model = options.responseModel;
  if (!model) return new ProviderCallContext<T>({ provider, options, config, signal, makeHooks });
  // Structured outputs load on first use: a plain call never downloads them.
  const kit = await structuredSeam();
  const structured = kit.buildStructuredSpec(model, options.structuredOutputMode ?? (options.jsonMode ? "json" : "auto"));
  return new ProviderCallContext<T>({ provider, options, config, signal, makeHooks, structured, structuredKit: kit });
}

/** What a context is made from; the rest is derived. */
interface ContextInit<T extends ProviderTypes> {
  provider: ProviderDefinition<T>;
  options: ProviderCallOptions<T>;
  config: BaseDynamicConfig;
  signal: AbortSignal | undefined;
  /** Makes the hooks of one call (each call and each resumed turn gets fresh middleware state). */
  makeHooks: () => CallHooks;
  structured?: StructuredSpec;
  structuredKit?: StructuredKit;
}

class ProviderCallContext<T extends ProviderTypes> implements CallContext<T> {
  declare readonly provider: ProviderDefinition<T>;
  declare readonly options: ProviderCallOptions<T>;
  declare readonly config: BaseDynamicConfig;
  declare readonly tools: readonly ToolDefinition[];
  declare readonly structured: StructuredSpec | undefined;
  declare readonly structuredKit: StructuredKit | undefined;
  declare readonly signal: AbortSignal | undefined;
  declare readonly callParams: T["CallParams"];
  declare readonly params: Params;
  declare readonly client: T["Client"];
  declare readonly metadata: Record<string, unknown>;
  declare readonly hooks: CallHooks<T>;
  declare private readonly makeHooks: () => CallHooks;

  constructor(init: ContextInit<T>) {
    const { options, config } = init;
    this.provider = init.provider;
    this.options = options;
    this.config = config;
    this.signal = init.signal;
    this.makeHooks = init.makeHooks;
    // Middleware take any provider's calls: their hooks are typed for the base types.
    this.hooks = init.makeHooks() as unknown as CallHooks<T>;
    this.structured = init.structured;
    this.structuredKit = init.structuredKit;
    // Dynamic tools replace the options' tools; the other settings merge over them.
    this.tools = config.tools ?? options.tools ?? [];
    this.callParams = { ...options.callParams, ...config.callParams };
    this.params = mergeParams(options.params, config.params);
    this.client = { ...options.client, ...config.client };
    this.metadata = { ...options.metadata, ...config.metadata };
  }

  resume(history: unknown[], { stream }: { stream: boolean }): Promise<unknown> {
    // A turn of a call with tools keeps the response model, streamed or not (`outputParser` never);
    // a streamed turn keeps the call's stream options (`partialTools`).
    const keep = this.tools.length > 0;
    const options = {
      ...this.options,
      stream: stream && (this.options.stream || true),
      responseModel: keep ? this.options.responseModel : undefined,
      outputParser: undefined,
    };
    const { provider, config, signal, makeHooks } = this;
    const structured = keep ? { structured: this.structured, structuredKit: this.structuredKit } : {};
    return runCall(new ProviderCallContext<T>({ provider, options, config, signal, makeHooks, ...structured }), history);
  }
}
