import type { BaseDynamicConfig } from "../../core/dynamic-config.ts";
import type { BaseMessageParam } from "../../core/message-param.ts";
import type { AnthropicMessageParam } from "./api.ts";
import type { AnthropicCallParams } from "./call-params.ts";
import type { AnthropicClientOptions } from "./client.ts";

/** What an Anthropic prompt function may return: messages plus per-call params, tools and client. */
export type AnthropicDynamicConfig = BaseDynamicConfig<
  AnthropicMessageParam | BaseMessageParam,
  AnthropicCallParams,
  AnthropicClientOptions
>;
