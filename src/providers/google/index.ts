// Public API of `promptcall/google`: the Gemini API provider. Re-exports only.
import { googleCall } from "./call";

/**
 * The Google Gemini provider.
 * @example const ask = google.call({ model: "gemini-2.5-flash" }, (q: string) => q);
 */
export const google = { name: "google", call: googleCall } as const;

export { googleCall } from "./call";
export { GoogleCallResponse, type GoogleMessageParam } from "./call-response";
export { GoogleCallResponseChunk } from "./call-response-chunk";
export { GoogleStream } from "./stream";
export { GoogleTool, type GoogleSchemaFormat } from "./tool";
export type { GoogleCallParams } from "./call-params";
export type { GoogleDynamicConfig } from "./dynamic-config";
export { GOOGLE_BASE_URL, type GoogleClientOptions } from "./client";
export type { GoogleCallExtra } from "./setup-call";
export { PromptBlockedError, type PromptBlockedErrorInit } from "./prompt-blocked-error";
export { googleToError } from "./to-error";
export type * from "./api";
export { setupCall } from "./setup-call";
export { getJsonOutput } from "./get-json-output";
export { handleStream } from "./handle-stream";
export { GOOGLE_PRICES } from "./prices";
