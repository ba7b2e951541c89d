// Lazy seam `request-extras`: what building a request (and reading its tool calls) needs beyond a
// plain-text call: histories with content parts or native turns, `jsonMode`/`responseModel`, and the
// strict-mode tools, the neutral `params`, and the stream class that merges OpenRouter's `reasoning_details`
// (for a service whose settings keep them). Loaded the first time a call uses one of them.
export { convertHistory } from "./convert-history.ts";
export { addStructured } from "./setup-structured.ts";
export { restoreOptional, strictJsonSchemaProblems, toStrictJsonSchema } from "../../core/structured/strict-json-schema.ts";
export { parseToolArgs } from "../../core/tools/parse-tool-args.ts";
export { openaiParams } from "./convert-params.ts";
export { reasoningDetailsStream } from "./reasoning-details-stream.ts";
