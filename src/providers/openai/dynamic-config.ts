import type { BaseDynamicConfig } from "../../core/dynamic-config";
import type { ChatCompletionMessageParam } from "./api";
import type { OpenAICallParams } from "./call-params";
import type { OpenAIClientOptions } from "./client";

/** What an OpenAI prompt function may return: messages plus per-call params, tools, client, metadata. */
export type OpenAIDynamicConfig = BaseDynamicConfig<ChatCompletionMessageParam, OpenAICallParams, OpenAIClientOptions>;
