// Lazy seam `tools` (core/seams.ts): parsing and running tool calls, loaded by the first tool call. Tool
// resolution stays eager (it shares base-tool.ts with every provider's tool class, and a module shared
// by a seam and the eager path costs a chunk of its own). Hook a new tool-running step in here.
export { executeTools } from "./execute-tools.ts";
export { parseToolArgs } from "./parse-tool-args.ts";
export { PartialToolTracker } from "./partial-tools.ts";
export { UnknownToolError } from "../../errors/unknown-tool-error.ts";
