import type { BaseDynamicConfig } from "../../core/dynamic-config";
import type { BaseMessageParam } from "../../core/message-param";
import type { GoogleCallParams } from "./call-params";
import type { GoogleMessageParam } from "./call-response";
import type { GoogleClientOptions } from "./client";

/** What a Google prompt function may return: messages (neutral or Gemini contents) plus per-call settings. */
export type GoogleDynamicConfig = BaseDynamicConfig<GoogleMessageParam | BaseMessageParam, GoogleCallParams, GoogleClientOptions>;
