// The core's lazy seams: each `import()` of core/ and its wings is here, once, named for the feature
// it gates (ARCHITECTURE.md, "Lazy seams"). A module a seam loads never sits in a plain call's path.

/** Resolving and running tool calls: loaded by a call with tools (before a stream's loop, never per chunk). */
export const tools = () => import("./tools/tool-use.ts");
