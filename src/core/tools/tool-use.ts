// Lazy seam `tools` (core/seams.ts): what a call with tools needs beyond declaring them, i.e. turning
// tool calls into tools and running them. A plain call never loads it; hook a new tool step in here.
export { executeTools } from "./execute-tools.ts";
export { resolveTool } from "./resolve-tool.ts";
