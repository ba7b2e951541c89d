import type { BaseDynamicConfig } from "../../core/dynamic-config";
import type { BaseMessageParam } from "../../core/message-param";
import type { AnthropicMessageParam } from "./api";
import type { AnthropicCallParams } from "./call-params";
import type { AnthropicClientOptions } from "./client";

/** What an Anthropic prompt function may return: messages plus per-call params, tools and client. */
export type AnthropicDynamicConfig = BaseDynamicConfig<
  AnthropicMessageParam | BaseMessageParam,
  AnthropicCallParams,
  AnthropicClientOptions
>;
