import type { Params } from "./params.ts";
import type { BaseCallParams } from "./call-params.ts";
import type { ClientOptions } from "../http/client-options.ts";
import type { ToolDefinition } from "./tools/tool.ts";

/** What a prompt function may return instead of plain messages: messages plus per-call settings. */
export interface BaseDynamicConfig<
  MessageParam = unknown,
  CallParams extends BaseCallParams = BaseCallParams,
  Client extends ClientOptions = ClientOptions,
> {
  /** The messages to send (provider-neutral or the provider's own). */
  messages?: readonly MessageParam[] | string;
  /** Merged over the options' `callParams`. */
  callParams?: Partial<CallParams>;
  /** Merged over the options' `params`. */
  params?: Params;
  /** Replace the options' tools for this call. */
  tools?: readonly ToolDefinition[];
  /** Carried to the response's `metadata`. */
  metadata?: Record<string, unknown>;
  /** Merged over the options' `client`. */
  client?: Client;
  /** Aborts this call. */
  signal?: AbortSignal;
}
