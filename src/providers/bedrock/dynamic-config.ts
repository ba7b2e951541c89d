import type { BaseDynamicConfig } from "../../core/dynamic-config.ts";
import type { BaseMessageParam } from "../../core/message-param.ts";
import type { BedrockMessageParam } from "./api.ts";
import type { BedrockCallParams } from "./call-params.ts";
import type { BedrockClientOptions } from "./client.ts";

/** What a Bedrock prompt function may return: messages plus per-call params, tools and client. */
export type BedrockDynamicConfig = BaseDynamicConfig<BedrockMessageParam | BaseMessageParam, BedrockCallParams, BedrockClientOptions>;
