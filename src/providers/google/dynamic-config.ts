import type { BaseDynamicConfig } from "../../core/dynamic-config.ts";
import type { BaseMessageParam } from "../../core/message-param.ts";
import type { GoogleCallParams } from "./call-params.ts";
import type { GoogleMessageParam } from "./call-response.ts";
import type { GoogleClientOptions } from "./client.ts";

/** What a Google prompt function may return: messages (neutral or Gemini contents) plus per-call settings. */
export type GoogleDynamicConfig = BaseDynamicConfig<GoogleMessageParam | BaseMessageParam, GoogleCallParams, GoogleClientOptions>;
