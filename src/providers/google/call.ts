import { callFactory } from "../../core/call-factory";
import { GOOGLE_PRICES } from "./prices";
import type { GoogleCallParams } from "./call-params";
import { GoogleCallResponse, type GoogleMessageParam } from "./call-response";
import type { GoogleCallResponseChunk } from "./call-response-chunk";
import type { GoogleClientOptions } from "./client";
import { getJsonOutput } from "./get-json-output";
import { handleStream } from "./handle-stream";
import { setupCall, type GoogleCallExtra } from "./setup-call";
import { GoogleStream } from "./stream";
import { googleToError } from "./to-error";
import { GoogleTool } from "./tool";

/** `google.call(options, fn)`: a Gemini API call built with `callFactory`. */
export const googleCall = callFactory<
  GoogleCallParams,
  GoogleClientOptions,
  GoogleMessageParam,
  GoogleCallResponse,
  GoogleCallResponseChunk,
  GoogleStream,
  GoogleCallExtra
>({
  name: "google",
  responseClass: GoogleCallResponse,
  streamClass: GoogleStream,
  prices: GOOGLE_PRICES,
  toolClass: GoogleTool,
  setupCall,
  getJsonOutput,
  handleStream,
  toError: googleToError,
});
