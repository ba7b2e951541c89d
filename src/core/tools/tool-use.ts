// Lazy seam `tools` (core/seams.ts): resolving, parsing and running tool calls, loaded by the first call
// that defines tools or gets a tool call. Hook a new tool-running step in here.
export { executeTools } from "./execute-tools.ts";
export { parseToolArgs } from "./parse-tool-args.ts";
export { PartialToolTracker } from "./partial-tools.ts";
export { UnknownToolError } from "../../errors/unknown-tool-error.ts";
export { resolveTool } from "./resolve-tool.ts";
