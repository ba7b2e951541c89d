import { callFactory } from "../../core/call-factory.ts";
import { GOOGLE_PRICES } from "./prices.ts";
import type { GoogleCallParams } from "./call-params.ts";
import { GoogleCallResponse, type GoogleMessageParam } from "./call-response.ts";
import type { GoogleCallResponseChunk } from "./call-response-chunk.ts";
import type { GoogleClientOptions } from "./client.ts";
import { getJsonOutput } from "./get-json-output.ts";
import { handleStream } from "./handle-stream.ts";
import { setupCall, type GoogleCallExtra } from "./setup-call.ts";
import { GoogleStream } from "./stream.ts";
import { googleToError } from "./to-error.ts";
import { GoogleTool } from "./tool.ts";

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
