import type { BaseDynamicConfig } from "../../core/dynamic-config.ts";
import type { ChatCompletionMessageParam } from "./api.ts";
import type { OpenAICallParams } from "./call-params.ts";
import type { OpenAIClientOptions } from "./client.ts";

/** What an OpenAI prompt function may return: messages plus per-call params, tools, client, metadata. */
export type OpenAIDynamicConfig = BaseDynamicConfig<ChatCompletionMessageParam, OpenAICallParams, OpenAIClientOptions>;
