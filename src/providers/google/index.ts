// Public API of `promptcall/google`: the Gemini API provider. Re-exports only.
import { googleCall } from "./call.ts";

/**
 * The Google Gemini provider.
 * @example const ask = google.call({ model: "gemini-2.5-flash" }, (q: string) => q);
 */
export const google = { name: "google", call: googleCall } as const;

export { googleCall } from "./call.ts";
export { GoogleCallResponse, type GoogleMessageParam } from "./call-response.ts";
export { GoogleCallResponseChunk } from "./call-response-chunk.ts";
export { GoogleStream } from "./stream.ts";
export { GoogleTool, type GoogleSchemaFormat } from "./tool.ts";
export type { GoogleCallParams } from "./call-params.ts";
export type { GoogleDynamicConfig } from "./dynamic-config.ts";
export { GOOGLE_BASE_URL, type GoogleClientOptions } from "./client.ts";
export type { GoogleCallExtra } from "./setup-call.ts";
// PromptBlockedError is exported by the root entry (`promptcall`) with the other errors: re-exported
// here, it would load the error classes up front in every Google program.
export type { PromptBlockedErrorInit } from "../../errors/prompt-blocked-error.ts";
export { googleProvider, toError, type GoogleTypes } from "./provider.ts";
export { mapFinishReason } from "./map-finish-reason.ts";
export { convertUsage } from "./convert-usage.ts";
export type * from "./api.ts";
export { setupCall } from "./setup-call.ts";
export { getJsonOutput } from "./get-json-output.ts";
export { handleStream } from "./handle-stream.ts";
export { GOOGLE_PRICES } from "./prices.ts";
