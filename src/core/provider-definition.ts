import type { Params } from "./params.ts";
import type { ModelPriceMap, PriceLoader } from "./cost/prices.ts";
import type { PromptcallError } from "../errors/promptcall-error.ts";
import type { BaseCallParams } from "./call-params.ts";
import type { CallResponseInit } from "./call-response.ts";
import type { CallOptions, ProviderCallOptions, StructuredOutputMode } from "./call-options.ts";
import type { ClientOptions } from "../http/client-options.ts";
import type { ProviderRequest } from "../http/send-request.ts";
import type { ProviderTypes } from "./provider-types.ts";
import type { StreamInit } from "./stream.ts";
import type { StructuredSpec } from "./structured/structured-spec.ts";
import type { ToolDefinition } from "./tools/tool.ts";
import type { ToolClass } from "./tools/tool-class.ts";

/** What `setupCall` receives: everything needed to build the HTTP request. */
export interface SetupCallContext<CallParams = BaseCallParams, Client = ClientOptions, Options = CallOptions> {
  model: string;
  /** The history: provider-neutral messages and the provider's own, in order. */
  messages: readonly unknown[];
  callParams: CallParams;
  /** The neutral `params` (the options' and the dynamic config's, merged), for the provider to convert; `callParams` win. */
  params?: Params;
  tools: readonly ToolDefinition[];
  toolClass: ToolClass;
  stream: boolean;
  jsonMode: boolean;
  /** Set when the call has a `responseModel`. */
  structured: StructuredSpec | undefined;
  client: Client;
  /** The call's full options (for provider-specific ones such as OpenAI's `api`). */
  options: Options;
  /** Aborts with the call (the caller's signal, a stream's `abort()`): pass it to any request `setupCall` makes itself (a token exchange). */
  signal?: AbortSignal;
}

/** What `setupCall` returns. */
export interface SetupCallResult {
  request: ProviderRequest;
  /** The structured-output mechanism actually used, and whether a strict schema transform was applied. */
  structured?: { mode: Exclude<StructuredOutputMode, "auto">; strict?: boolean };
}

/** What `getJsonOutput` and `handleStream` receive. */
export interface OutputContext<Options = CallOptions> {
  model: string;
  structured: StructuredSpec | undefined;
  structuredMode: Exclude<StructuredOutputMode, "auto"> | undefined;
  /** Whether a strict schema transform was applied (optional fields sent as nullable). */
  strict?: boolean;
  options: Options;
  signal: AbortSignal;
}

/**
 * A provider: its classes and hooks, handed to `callFactory`. `T` names its types (see `ProviderTypes`).
 *
 * @example
 * const parrot: ProviderDefinition<ParrotTypes> = { name: "parrot", responseClass: ParrotCallResponse, … };
 */
export interface ProviderDefinition<T extends ProviderTypes = ProviderTypes> {
  /** The provider's name, used in errors, costs and `llm.call`. */
  name: string;
  // The raw JSON is the provider's wire shape, which its response class declares and the factory
  // does not check: `any` is that trust, in one place.
  responseClass: new (
    init: CallResponseInit<any>,
  ) => T["Response"];
  streamClass: new (init: StreamInit<T["Chunk"]>) => T["Stream"];
  toolClass: ToolClass;
  /**
   * Built-in prices of the provider's models (USD per 1,000,000 tokens, keyed "provider/model"), used by
   * `cost`; or a `PriceLoader` of them, loaded by the first call alongside its request.
   */
  prices?: ModelPriceMap | PriceLoader;
  /** Builds the HTTP request for a call. */
  setupCall(context: SetupCallContext<T["CallParams"], T["Client"], ProviderCallOptions<T>>): SetupCallResult | Promise<SetupCallResult>;
  /** The JSON text of a response (or a chunk's JSON delta) for `jsonMode`/`responseModel`. */
  getJsonOutput(responseOrChunk: T["Response"] | T["Chunk"], context: OutputContext): string;
  /** Decodes a streaming body into chunks and completed tool calls. */
  handleStream(body: ReadableStream<Uint8Array>, context: OutputContext): StreamInit<T["Chunk"]>["items"];
  /** Maps a non-2xx HTTP response to a typed error (default: a generic `APIError`); may be async to load its code lazily. */
  toError?(response: globalThis.Response, bodyText: string, secrets: readonly string[]): PromptcallError | Promise<PromptcallError>;
}
